"""Wire the sources to the engine: a live review from a workload, with progress, and snapshots of it."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from wasp.attest import load_attestations
from wasp.attest.waivers import Waiver, load_waivers
from wasp.catalogue import load_catalogue
from wasp.collect import CollectionStats, collect, plan, select_collectors
from wasp.collect.base import Collector
from wasp.collect.clients import DEFAULT_MAX_ATTEMPTS
from wasp.collect.runner import DEFAULT_WORKERS, Progress
from wasp.collect.session import Unopened, open_accounts
from wasp.engine import run_review
from wasp.errors import InputError, debug_enabled
from wasp.model import Catalogue, Inventory, Review, Workload
from wasp.model.rule import Rule
from wasp.rules import load_rules
from wasp.snapshot import Snapshot
from wasp.workload.context import ReviewContext, differences, load_context

if TYPE_CHECKING:
    from wasp.model.evaluated import TaskEvaluator
    from wasp.org.collect import Phase
    from wasp.org.executor import Executor
    from wasp.org.reuse import WorkerFindings

DEFAULT_TIMEOUT = 900.0
"""Seconds a live collection may take (`--timeout`); what is unfinished then is not assessed."""


@dataclass(frozen=True)
class WorkloadOverrides:
    """Workload fields given on the command line; what is left unset keeps the workload's own value."""

    name: str | None = None
    profile: str | None = None
    regions: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    role_name: str | None = None
    attestations: Path | None = None
    """An attestation file that replaces the workload's (and a snapshot's saved attestations)."""
    waivers: Path | None = None
    """A waiver file that replaces the workload's (and a snapshot's saved waivers)."""

    def apply(self, workload: Workload) -> Workload:
        """``workload`` with every override that was given."""
        changes: dict[str, object] = {
            "name": self.name,
            "profile": self.profile,
            "regions": self.regions,
            "accounts": self.accounts,
            "role_name": self.role_name,
            "attestations": str(self.attestations) if self.attestations else None,
            "waivers": str(self.waivers) if self.waivers else None,
        }
        return replace(workload, **{k: v for k, v in changes.items() if v})  # type: ignore[arg-type]


def collect_live(
    workload: Workload,
    *,
    collectors: list[str] | None = None,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    timeout: float | None = DEFAULT_TIMEOUT,
    executor: Executor | None = None,
    phases: Phase | None = None,
    evaluate_at: datetime | None = None,
) -> tuple[Inventory, CollectionStats, tuple[str, ...]]:
    """Collect the workload's accounts and regions: (inventory, stats, accounts reviewed).

    ``timeout`` (seconds, None for none) bounds the whole collection: per-call timeouts shrink to fit it,
    and tasks still unfinished when it runs out become ``deadline`` gaps. An organisation review
    (``workload.org``) or an ``executor`` other than the default runs on :mod:`wasp.org` (docs/org.md):
    each task opens its account itself and an account whose role cannot be assumed is a gap; ``phases``
    then receives each step (else ``progress`` a summary of it). There, with ``evaluate_at`` (the review
    time), each task also decides the rules that need only its resources (``stats.worker_findings``).
    """
    started = time.monotonic()
    if not workload.regions:
        raise InputError("no regions in scope: list them in the workload file or pass --regions")
    selected = select_collectors(collectors)
    if workload.org or executor is not None:
        from wasp.org.collect import collect_accounts
        from wasp.org.executor import ThreadExecutor

        with executor or ThreadExecutor(workers) as running:
            return collect_accounts(
                workload,
                running,
                collectors=collectors,
                progress=phases or (None if progress is None else _phases(progress)),
                max_attempts=max_attempts,
                timeout=timeout,
                evaluator_for=None if evaluate_at is None else _evaluator_for(workload, evaluate_at),
            )
    unopened: list[Unopened] = []
    accesses = open_accounts(
        workload.profile,
        workload.accounts,
        workload.role_name,
        workload.regions[0],
        max_attempts,
        timeout,
        unopened,
        lean=True,
    )
    tasks = plan(selected, [a.account for a in accesses], workload.regions)
    inventory, stats = collect(
        tasks,
        {a.account: a.clients for a in accesses},
        workload.regions,
        workers=workers,
        progress=progress,
        scope_tags=workload.scope_tags,
        timeout=None if timeout is None else max(0.0, timeout - (time.monotonic() - started)),
        findings=workload.findings,
    )
    if unopened:
        _unopened_gaps(inventory, stats, unopened, selected, len(accesses))
    return inventory, stats, tuple(a.account for a in accesses)


def _evaluator_for(workload: Workload, now: datetime) -> Callable[[tuple[str, ...]], TaskEvaluator]:
    """The evaluator an org review's tasks run, given the accounts reviewed: the review's time and the scope
    :func:`review_live` reviews with (the accounts reviewed when the workload lists none)."""
    from wasp.engine.local import LocalEvaluator
    from wasp.engine.review import scope_of

    def make(accounts: tuple[str, ...]) -> TaskEvaluator:
        return LocalEvaluator(
            now, scope_of(workload if workload.accounts else replace(workload, accounts=accounts))
        )

    return make


def _reusable(stats: CollectionStats, now: datetime, workload: Workload) -> WorkerFindings | None:
    """The tasks' findings when they were decided with this review's time and scope, else None."""
    from wasp.engine.local import LocalEvaluator
    from wasp.engine.review import scope_of
    from wasp.org.reuse import WorkerFindings

    found = stats.worker_findings
    if isinstance(found, WorkerFindings) and found.evaluator == LocalEvaluator(now, scope_of(workload)):
        return found
    return None


def _unopened_gaps(
    inventory: Inventory,
    stats: CollectionStats,
    unopened: list[Unopened],
    selected: list[Collector],
    opened: int,
) -> None:
    """Listed accounts whose role could not be assumed, as in an organisation review (docs/org.md): one gap
    each (every type of the selected collectors not assessed there), and counted as selected, not reviewed."""
    from wasp.org.work import assume_gap

    types = tuple(t for c in selected for t in c.resource_types)
    for u in unopened:
        inventory.add_gap(assume_gap(u.account, u.message, u.code, types))
    stats.accounts_selected = opened + len(unopened)
    stats.accounts_reviewed = opened
    stats.unopened = tuple(u.message for u in unopened)


def _phases(progress: Progress) -> Phase:
    """An organisation review's steps on a (done, total, label) progress callback."""
    from wasp.org.collect import Step

    def show(step: Step) -> None:
        progress(step.done, step.total, f"{step.phase} {step.label}".strip())

    return show


def collect_snapshot(
    workload: Workload,
    *,
    collectors: list[str] | None = None,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    timeout: float | None = DEFAULT_TIMEOUT,
    executor: Executor | None = None,
    phases: Phase | None = None,
) -> tuple[Snapshot, CollectionStats]:
    """Collect the workload into a snapshot that keeps the whole review context (`wasp collect`).

    The workload's waiver and attestation files are read (and checked) before AWS is touched, and saved in
    the snapshot with the workload definition, so a review of the snapshot decides as a live review would.
    """
    collected_at = datetime.now(UTC)
    select_collectors(collectors)
    context = load_context(workload, load_catalogue())
    inventory, stats, accounts = collect_live(
        workload,
        collectors=collectors,
        workers=workers,
        progress=progress,
        max_attempts=max_attempts,
        timeout=timeout,
        executor=executor,
        phases=phases,
    )
    snap = Snapshot(
        inventory, collected_at, workload.name, accounts, workload.regions, stats.api_calls, context
    )
    return snap, stats


def snapshot_context(
    snapshot: Snapshot,
    workload: Workload | None,
    overrides: WorkloadOverrides,
    catalogue: Catalogue,
) -> ReviewContext:
    """What a review of ``snapshot`` decides with (docs/workload.md, "Snapshots").

    The context saved in the snapshot, with ``overrides`` on top. A workload file (``workload``) that says
    anything differently from the saved context is refused, naming what differs, rather than silently
    winning or losing. A ``wasp.snapshot/1`` file saved no context: the workload file gives it then (else a
    workload named as the snapshot), with the overrides on top.
    """
    saved = snapshot.context
    if saved is None:
        return load_context(overrides.apply(workload or Workload(name=snapshot.workload)), catalogue)
    if workload is not None:
        differ = differences(saved, load_context(workload, catalogue))
        if differ:
            raise InputError(
                f"{workload.source or 'the workload file'}: sets {', '.join(differ)} differently from the "
                "workload saved in the snapshot; leave the workload file out to review with the saved one "
                "(--name, --regions, --accounts, --attestations and --waivers still override it), "
                "or collect again with this file"
            )
    return ReviewContext(
        overrides.apply(saved.workload),
        tuple(load_waivers(overrides.waivers)) if overrides.waivers else saved.waivers,
        (
            tuple(load_attestations(overrides.attestations, catalogue))
            if overrides.attestations
            else saved.attestations
        ),
    )


def review_snapshot(
    snapshot: Snapshot,
    workload: Workload | None = None,
    extra_waivers: Sequence[Waiver] = (),
    overrides: WorkloadOverrides = WorkloadOverrides(),
) -> Review:
    """Review a saved inventory offline; rules see the collection time, so the result is repeatable.

    ``workload`` is the workload file given with the snapshot, if any, and ``overrides`` the command-line
    flags: see :func:`snapshot_context` for which wins.
    """
    catalogue = load_catalogue()
    context = snapshot_context(snapshot, workload, overrides, catalogue)
    wl = context.workload
    if not wl.accounts:
        wl = replace(wl, accounts=snapshot.accounts)
    if not wl.regions:
        wl = replace(wl, regions=snapshot.regions)
    return run_review(
        catalogue=catalogue,
        rules=live_rules(org=any(snapshot.inventory.was_collected(t) for t in org_only_types())),
        inventory=snapshot.inventory,
        workload=wl,
        attestations=context.attestations,
        now=snapshot.collected_at,
        sources=("snapshot",),
        waivers=[*context.waivers, *extra_waivers],
    )


def live_rules(org: bool = True) -> tuple[Rule, ...]:
    """The rules a review of accounts can decide: those whose resource type some collector reads.

    The others (an EMR security configuration, a SageMaker notebook...) run on templates and Terraform only. In a
    review of accounts they would only ever say "not collected" and leave every practice they touch not assessed,
    whatever the account holds, so they are left to ``wasp scan``; ``wasp rules`` lists which is which. A type a
    collector reads but was left out with ``--collectors``, or could not be read, still leaves its rules unknown.
    ``org`` adds the rules on what only an organisation review reads (``wasp.org.services.ORG_ONLY``): any
    other review leaves them out, so they never make its practices not assessed.
    """
    from wasp.collect.registry import COLLECTORS

    readable = {t for collector in COLLECTORS for t in collector.resource_types}
    if org:
        readable |= org_only_types()
    return tuple(r for r in load_rules() if r.meta.resource_type in readable)


def org_only_types() -> frozenset[str]:
    """What only an organisation review reads (the ``ORG_ONLY`` collectors, in the account it starts from)."""
    from wasp.org.services import ORG_ONLY

    return frozenset(t for collector in ORG_ONLY.values() for t in collector.resource_types)


@dataclass(frozen=True)
class LiveRun:
    """A review and what collecting it cost."""

    review: Review
    stats: CollectionStats
    seconds: float


def review_live(
    workload: Workload,
    *,
    collectors: list[str] | None = None,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    now: datetime | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    extra_waivers: Sequence[Waiver] = (),
    timeout: float | None = DEFAULT_TIMEOUT,
    executor: Executor | None = None,
    phases: Phase | None = None,
    evaluate_on_workers: bool = True,
) -> LiveRun:
    """Collect the workload's accounts and regions, then review against the catalogue.

    The review time is ``now`` or the start of the review. On the organisation path (``workload.org`` or an
    ``executor``) each task decides the rules that need only its own resources where it collected them,
    unless ``evaluate_on_workers`` is false (or ``--debug`` is on): the review is the same either way, and
    ``stats.findings_on_workers`` says how many of ``stats.findings_total`` findings were decided there.
    """
    started = datetime.now(UTC)
    review_time = now or started  # fixed before collecting: the tasks decide with it
    catalogue = load_catalogue()
    # Check every input before touching AWS: a typo should not cost a credential round trip.
    select_collectors(collectors)
    context = load_context(workload, catalogue)
    inventory, stats, accounts = collect_live(
        workload,
        collectors=collectors,
        workers=workers,
        progress=progress,
        max_attempts=max_attempts,
        timeout=timeout,
        executor=executor,
        phases=phases,
        evaluate_at=review_time if evaluate_on_workers and not debug_enabled() else None,
    )
    if not workload.accounts:
        workload = replace(workload, accounts=accounts)
    reuse = _reusable(stats, review_time, workload)
    review = run_review(
        catalogue=catalogue,
        rules=live_rules(org=workload.org),
        inventory=inventory,
        workload=workload,
        attestations=context.attestations,
        now=review_time,
        waivers=[*context.waivers, *extra_waivers],
        precomputed=reuse,
    )
    stats.findings_on_workers = 0 if reuse is None else reuse.taken(review.findings)
    stats.findings_total = len(review.findings)
    return LiveRun(review, stats, (datetime.now(UTC) - started).total_seconds())
