"""Collect accounts on an executor: discover (org), open each account, run the tasks, merge in plan order."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from wasp.collect.clients import DEFAULT_MAX_ATTEMPTS, ClientFactory, client_config
from wasp.collect.registry import select_collectors
from wasp.collect.runner import CollectionStats, Task, TaskResult, merge
from wasp.collect.session import base_session, caller_identity
from wasp.errors import InputError
from wasp.model import Inventory, Workload
from wasp.model.evaluated import TaskEvaluator
from wasp.org.access import AccountOpener
from wasp.org.discover import discover
from wasp.org.executor import Executor
from wasp.org.reuse import worker_findings
from wasp.org.scope import select
from wasp.org.services import ORG_ONLY
from wasp.org.work import RunSettings, TaskRecord, TaskSpec, assume_gap, collector_named, probe, run_spec

ORG_COLLECTORS = ("organizations",)
"""Collectors of organisation-wide evidence: run once, in the caller's (management or delegated) account; with
them, the organisation-only collectors (:data:`wasp.org.services.ORG_ONLY`) run there in every region."""


@dataclass(frozen=True)
class Step:
    """Progress of a long review: a phase's done/total, the last item, retries absorbed and gaps so far.

    Phases: ``discover`` (accounts in scope), ``open`` (roles assumed), ``collect`` (tasks).
    """

    phase: str
    done: int
    total: int
    label: str = ""
    retries: int = 0
    gaps: int = 0
    unopened: int = 0


Phase = Callable[[Step], None]
"""Called with each :class:`Step` on the calling thread."""


@dataclass(frozen=True)
class Scope:
    """The accounts a review covers and how they are opened."""

    opener: AccountOpener
    accounts: tuple[str, ...]
    """Selected accounts, sorted."""
    management: str | None
    """The account the organisation evidence is read from (an org review's caller), else None."""


def resolve_scope(workload: Workload, max_attempts: int, budget: float | None) -> Scope:
    """Who the caller is and which accounts are in scope (discovering the organisation for ``org``)."""
    region = workload.regions[0]
    session = base_session(workload.profile, region)
    own, _ = caller_identity(session, region)
    opener = AccountOpener(
        workload.profile, region, workload.role_name, own, workload.assume, max_attempts, budget
    )
    if not workload.org:
        if workload.accounts and not workload.role_name and own not in workload.accounts:
            raise InputError(
                f"the credentials are for account {own}, but the workload lists {', '.join(workload.accounts)}; "
                "use credentials for a listed account or set role_name in the workload file"
            )
        return Scope(opener, tuple(sorted(workload.accounts or (own,))), None)
    if workload.accounts:
        raise InputError(
            "org: true selects the accounts from the organisation; leave accounts empty and use "
            "org_scope.include_accounts (or --include-account) to choose some"
        )
    if not workload.role_name:
        raise InputError("an org review assumes role_name in every member account: set it (or --role-name)")
    factory = ClientFactory(session, client_config(max_attempts, budget=budget))
    org = discover(factory.client("organizations", region), own, bool(workload.org_scope.account_tags))
    chosen = select(org.accounts, workload.org_scope)
    if not chosen:
        raise InputError(
            f"no ACTIVE account of organisation {org.id} matches org_scope ({len(org.accounts)} accounts "
            "listed): check --include-ou/--exclude-ou/--include-account/--exclude-account/--account-tag"
        )
    return Scope(opener, tuple(a.id for a in chosen), own)


def plan_specs(collectors: list[str], scope: Scope, regions: tuple[str, ...]) -> list[TaskSpec]:
    """Tasks by name: per account (global collectors in the first region); organisation collectors once."""
    specs: list[TaskSpec] = []
    chosen = select_collectors(collectors or None)
    for account in scope.accounts:
        for c in chosen:
            if scope.management is not None and c.name in ORG_COLLECTORS:
                continue
            for region in regions[:1] if c.is_global else regions:
                specs.append(TaskSpec(account, region, c.name))
    if scope.management is not None:
        specs.extend(
            TaskSpec(scope.management, regions[0], c.name) for c in chosen if c.name in ORG_COLLECTORS
        )
        if any(c.name in ORG_COLLECTORS for c in chosen):
            specs.extend(TaskSpec(scope.management, region, name) for name in ORG_ONLY for region in regions)
    return specs


def collect_accounts(
    workload: Workload,
    executor: Executor,
    *,
    collectors: list[str] | None = None,
    progress: Phase | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    timeout: float | None = None,
    evaluator_for: Callable[[tuple[str, ...]], TaskEvaluator] | None = None,
) -> tuple[Inventory, CollectionStats, tuple[str, ...]]:
    """(inventory, stats, accounts reviewed): the review's collection on ``executor``.

    Accounts whose role cannot be assumed become one gap each (their types not assessed there) and are left
    out of the accounts reviewed; the stats say how many were reviewed out of how many were selected.
    ``evaluator_for`` (given the accounts reviewed) makes the evaluator each task runs on what it collected;
    the findings of resources the merge kept unchanged are then in ``stats.worker_findings``.
    """
    started = time.monotonic()
    deadline = None if timeout is None else started + timeout
    tally = _Tally(progress)
    tally.show(Step("discover", 0, 0))
    scope = resolve_scope(workload, max_attempts, timeout)
    tally.show(Step("discover", len(scope.accounts), len(scope.accounts), f"{len(scope.accounts)} accounts"))
    names = [c.name for c in select_collectors(collectors)]
    settings = RunSettings(
        scope.opener,
        workload.regions,
        findings=workload.findings,
        per_account=executor.per_account,
        per_service=executor.per_service,
        limiter=executor.limiter,
    )
    opened = executor.map(
        partial(probe, settings),
        list(scope.accounts),
        key=lambda a: a,
        deadline=deadline,
        on_done=tally.reporter("open", scope.accounts),
    )
    inventory = Inventory()
    types = tuple(t for c in select_collectors(collectors) for t in c.resource_types)
    unopened: list[str] = []
    for i, account in enumerate(scope.accounts):
        failed = opened.get(i, (f"cannot assume {workload.role_name} in {account}: deadline", "deadline"))
        if failed is not None:
            unopened.append(failed[0])
            inventory.add_gap(assume_gap(account, failed[0], failed[1], types))
    reachable = Scope(
        scope.opener,
        tuple(a for i, a in enumerate(scope.accounts) if i in opened and opened[i] is None),
        scope.management,
    )
    specs = plan_specs(names, reachable, workload.regions)
    evaluator = None if evaluator_for is None else evaluator_for(reachable.accounts)
    if evaluator is not None:
        settings = replace(settings, evaluator=evaluator)
    # costliest collectors first (stable: plan order otherwise), so no long task starts last; merged in plan order
    order = sorted(range(len(specs)), key=lambda i: -collector_named(specs[i].collector).cost)
    ran: dict[int, TaskRecord] = executor.map(
        partial(run_spec, settings),
        [specs[i] for i in order],
        key=lambda s: (s.account, s.region),
        deadline=deadline,
        on_done=tally.reporter("collect", [specs[i].label for i in order]),
    )
    records = {order[at]: record for at, record in ran.items()}
    tasks = [Task(s.account, s.region, collector_named(s.collector)) for s in specs]
    results = {i: TaskResult(tasks[i], r.resources, r.gaps) for i, r in records.items()}
    merge(inventory, tasks, results, timeout, workload.scope_tags)
    stats = CollectionStats(
        tasks=len(specs),
        accounts_selected=len(scope.accounts),
        accounts_reviewed=len(reachable.accounts),
        unopened=tuple(unopened),
        retries=sum(r.retries for r in records.values()),
        executor=executor.name,
    )
    if evaluator is not None:
        stats.worker_findings = worker_findings(
            inventory,
            ((r.resources, r.evaluated) for _, r in sorted(records.items())),
            evaluator,
            sum(r.deferred for r in records.values()),
        )
    for record in records.values():
        for op, n in record.calls.items():
            stats.calls_by_operation[op] = stats.calls_by_operation.get(op, 0) + n
    stats.calls_by_operation = dict(sorted(stats.calls_by_operation.items()))
    stats.api_calls = sum(stats.calls_by_operation.values())
    return inventory, stats, reachable.accounts


class _Tally:
    """Counts retries, gaps and unopened accounts as results arrive, and shows each step."""

    def __init__(self, progress: Phase | None) -> None:
        self.progress = progress
        self.retries = 0
        self.gaps = 0
        self.unopened = 0

    def show(self, step: Step) -> None:
        if self.progress is not None:
            self.progress(step)

    def reporter(self, phase: str, labels: Sequence[str]) -> Callable[[int, int, object], None] | None:
        if self.progress is None:
            return None

        def report(done: int, index: int, result: object) -> None:
            if isinstance(result, TaskRecord):
                self.retries += result.retries
                self.gaps += len(result.gaps)
            elif result is not None:  # a probe that failed
                self.unopened += 1
            self.show(Step(phase, done, len(labels), labels[index], self.retries, self.gaps, self.unopened))

        return report
