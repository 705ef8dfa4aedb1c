"""Plan collection as independent (account, region, collector) tasks and run them on a thread pool."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from wasp.collect.api import DEFAULT_MAX_FINDINGS, ApiReader, CallFailed
from wasp.collect.base import Collector
from wasp.collect.clients import ClientFactory
from wasp.collect.schedule import FairPool
from wasp.errors import debug_enabled
from wasp.model import ACCOUNT_TYPE, Finding, Gap, Inventory, Resource
from wasp.model.rule import FindingThresholds

Progress = Callable[[int, int, str], None]
"""(tasks done, tasks total, label of the task just finished)."""

DEFAULT_WORKERS = 8


@dataclass(frozen=True)
class Task:
    """One unit of collection: pure in its inputs (account, region, collector) and outputs."""

    account: str
    region: str
    collector: Collector

    @property
    def label(self) -> str:
        """account/region/collector."""
        return f"{self.account}/{self.region}/{self.collector.name}"


@dataclass(frozen=True)
class TaskResult:
    """Resources and gaps from one task."""

    task: Task
    resources: tuple[Resource, ...]
    gaps: tuple[Gap, ...]


@dataclass
class CollectionStats:
    """How much collection cost."""

    tasks: int = 0
    api_calls: int = 0
    calls_by_operation: dict[str, int] = field(default_factory=dict)
    accounts_selected: int = 0
    """Accounts in scope (an org review: the ACTIVE accounts its selectors chose)."""
    accounts_reviewed: int = 0
    """Of those, the accounts that could be opened (the others are gaps)."""
    unopened: tuple[str, ...] = ()
    """One line per account whose role could not be assumed."""
    retries: int = 0
    """Retries botocore made and absorbed (throttling, transient errors); counted on the executor path."""
    executor: str = "threads"
    worker_findings: Mapping[str, Mapping[tuple[str, str, str, str], Finding | None]] | None = field(
        default=None, repr=False, compare=False
    )
    """Findings the tasks decided where they collected (an org review), by rule id then resource key, for the
    review to reuse (docs/org.md); not part of any output."""
    findings_on_workers: int = 0
    """Findings of the review that were decided in the tasks (filled in by the review)."""
    findings_total: int = 0
    """Findings of the review (filled in by the review when the tasks decided some)."""


def plan(collectors: list[Collector], accounts: list[str], regions: tuple[str, ...]) -> list[Task]:
    """Global collectors once per account (in the first region), regional ones per region."""
    tasks: list[Task] = []
    for account in accounts:
        for c in collectors:
            for region in regions[:1] if c.is_global else regions:
                tasks.append(Task(account, region, c))
    return tasks


def run_task(
    task: Task,
    clients: ClientFactory,
    regions: tuple[str, ...],
    max_findings: int = DEFAULT_MAX_FINDINGS,
    findings: FindingThresholds | None = None,
) -> TaskResult:
    """Run one task; whatever goes wrong ends it with a gap, never an exception.

    A failed listing raises CallFailed after recording its gap; any other exception (a response of an
    unexpected shape, a bug) becomes a ``collector_error`` gap for the task's types, so they are not
    assessed rather than silently empty. What was read before the failure is kept. ``--debug`` re-raises.
    ``max_findings`` caps the security-service findings each collector reads (``api.max_findings``);
    ``findings`` (the workload's thresholds, ``api.findings``) sets it instead when given.
    """
    c = task.collector
    api = ApiReader(
        clients,
        task.account,
        task.region,
        c.service,
        c.resource_types,
        regions,
        is_global=c.is_global,
        max_findings=max_findings,
        findings=findings,
    )
    resources: list[Resource] = []
    try:
        for resource in c.collect(api):
            resources.append(resource)
    except CallFailed as failed:
        # The failure's gap is recorded; the types the collector had not reached yet are unknown too.
        rest = cut_short_gap(task, failed.gap, api.gaps, resources)
        if rest is not None:
            api.gaps.append(rest)
    except Exception as exc:
        if debug_enabled():
            raise
        api.gaps.append(collector_error_gap(task, exc))
    return TaskResult(task, tuple(resources), tuple(api.gaps))


def _task_region(task: Task) -> str | None:
    """The region a task's gaps are about: None for a global collector (its reads are account-wide)."""
    return None if task.collector.is_global else task.region


def _task_gap(task: Task, error: str, message: str) -> Gap:
    """A service-level gap for a whole task: its collector's types are not assessed in its account/region."""
    c = task.collector
    return Gap(
        service=c.service,
        operation=c.name,
        error=error,
        message=message,
        account=task.account,
        region=_task_region(task),
        resource_types=c.resource_types,
    )


def _where(task: Task) -> str:
    """account, or account/region for a regional collector, for messages."""
    return task.account + ("" if task.collector.is_global else f"/{task.region}")


def collector_error_gap(task: Task, exc: BaseException) -> Gap:
    """A gap for a task that stopped on an unexpected exception; names the class, never the text.

    The exception text is left out: it may quote a response body from the account.
    """
    name = task.collector.name
    return _task_gap(
        task,
        "collector_error",
        f"the {name} collector stopped on {type(exc).__name__} in {_where(task)}; its resources there are not "
        "assessed (run with --debug for the traceback)",
    )


def cut_short_gap(task: Task, failed: Gap, gaps: list[Gap], read: list[Resource]) -> Gap | None:
    """A gap for the types a collector had not reached when a listing failed and stopped it, if any.

    Without it, those types would look collected and empty ("none exist": not applicable). The account
    resource is left out: collectors read their account settings on their own (see collect.base.guarded).
    """
    covered = {t for g in gaps if g.blocks_service for t in g.resource_types}
    seen = {r.type for r in read}
    rest = tuple(t for t in task.collector.resource_types if t not in covered | seen and t != ACCOUNT_TYPE)
    if not rest:
        return None
    return replace(
        failed,
        resource_types=rest,
        resource_id=None,
        message=f"{failed.message}; the {task.collector.name} collector stopped there, so {', '.join(rest)} "
        "were not read",
    )


def deadline_gap(task: Task, timeout: float) -> Gap:
    """A gap for a task that had not finished when the review's deadline passed."""
    name = task.collector.name
    return _task_gap(
        task,
        "deadline",
        f"the {name} collector had not finished in {_where(task)} when the review's --timeout of {timeout:g}s "
        "ran out; its resources there are not assessed (raise --timeout, or narrow --regions/--collectors)",
    )


def _in_scope(resource: Resource, tags: Mapping[str, str]) -> bool:
    if not tags or resource.type == ACCOUNT_TYPE:
        return True
    have = resource.tags
    return all(have.get(k) == v for k, v in tags.items())


def merge(
    inventory: Inventory,
    tasks: list[Task],
    results: Mapping[int, TaskResult],
    timeout: float | None,
    scope_tags: Mapping[str, str] | None,
) -> None:
    """Add the tasks' results to ``inventory`` in plan order (deterministic whatever ran them, wherever).

    A task without a result did not finish before the deadline: a ``deadline`` gap for its types.
    """
    for index, task in enumerate(tasks):
        result = results.get(index) or TaskResult(task, (), (deadline_gap(task, timeout or 0.0),))
        inventory.mark_collected(*result.task.collector.resource_types)
        inventory.extend(r for r in result.resources if _in_scope(r, scope_tags or {}))
        for gap in result.gaps:
            inventory.add_gap(gap)


def collect(
    tasks: list[Task],
    clients: Mapping[str, ClientFactory],
    regions: tuple[str, ...],
    *,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    scope_tags: Mapping[str, str] | None = None,
    timeout: float | None = None,
    max_findings: int = DEFAULT_MAX_FINDINGS,
    findings: FindingThresholds | None = None,
) -> tuple[Inventory, CollectionStats]:
    """Run every task and gather an inventory. Results are merged in plan order (deterministic).

    ``timeout`` (seconds) is the collection's deadline: tasks unfinished by then are abandoned and each
    leaves a ``deadline`` gap (its types not assessed in its account and region); the rest is reviewed.
    ``max_findings`` is the workload's ``findings.max_findings_per_service``, handed to every collector;
    ``findings`` is the workload's whole ``findings:`` block (which then sets the cap too).
    """
    inventory = Inventory()
    deadline = None if timeout is None else time.monotonic() + timeout

    def report(done: int, index: int) -> None:
        if progress is not None:
            progress(done, len(tasks), tasks[index].label)

    # costliest collectors first (stable: plan order otherwise), so no long task starts last
    order = sorted(range(len(tasks)), key=lambda i: -tasks[i].collector.cost)
    pool = FairPool(
        [tasks[i] for i in order],
        lambda t: run_task(t, clients[t.account], regions, max_findings, findings),
        key=lambda t: (t.account, t.region),
        workers=workers,
    )
    started = pool.wait(deadline, lambda done, at: report(done, order[at])) if tasks else {}
    results = {order[at]: result for at, result in started.items()}
    merge(inventory, tasks, results, timeout, scope_tags)
    stats = CollectionStats(tasks=len(tasks), accounts_selected=len(clients), accounts_reviewed=len(clients))
    for factory in clients.values():
        for op, n in factory.call_counts().items():
            stats.calls_by_operation[op] = stats.calls_by_operation.get(op, 0) + n
    stats.api_calls = sum(stats.calls_by_operation.values())
    return inventory, stats
