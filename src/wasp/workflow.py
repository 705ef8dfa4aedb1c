"""Wire the sources to the engine: a live review from a workload, with progress."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from wasp.attest import load_attestations
from wasp.attest.waivers import Waiver, load_waivers
from wasp.catalogue import load_catalogue
from wasp.collect import CollectionStats, collect, plan, select_collectors
from wasp.collect.clients import DEFAULT_MAX_ATTEMPTS
from wasp.collect.runner import DEFAULT_WORKERS, Progress
from wasp.collect.session import open_accounts
from wasp.engine import run_review
from wasp.errors import InputError
from wasp.model import Inventory, Review, Workload
from wasp.rules import load_rules
from wasp.snapshot import Snapshot

DEFAULT_TIMEOUT = 900.0
"""Seconds a live collection may take (`--timeout`); what is unfinished then is not assessed."""


def collect_live(
    workload: Workload,
    *,
    collectors: list[str] | None = None,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> tuple[Inventory, CollectionStats, tuple[str, ...]]:
    """Collect the workload's accounts and regions: (inventory, stats, accounts reviewed).

    ``timeout`` (seconds, None for none) bounds the whole collection: per-call timeouts shrink to fit it,
    and tasks still unfinished when it runs out become ``deadline`` gaps.
    """
    started = time.monotonic()
    if not workload.regions:
        raise InputError("no regions in scope: list them in the workload file or pass --regions")
    selected = select_collectors(collectors)
    accesses = open_accounts(
        workload.profile, workload.accounts, workload.role_name, workload.regions[0], max_attempts, timeout
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
    )
    return inventory, stats, tuple(a.account for a in accesses)


def review_snapshot(snapshot: Snapshot, workload: Workload, extra_waivers: Sequence[Waiver] = ()) -> Review:
    """Review a saved inventory offline; rules see the collection time, so the result is repeatable."""
    catalogue = load_catalogue()
    attestations = load_attestations(Path(workload.attestations), catalogue) if workload.attestations else []
    waivers = [*(load_waivers(Path(workload.waivers)) if workload.waivers else []), *extra_waivers]
    if not workload.accounts:
        workload = replace(workload, accounts=snapshot.accounts)
    if not workload.regions:
        workload = replace(workload, regions=snapshot.regions)
    return run_review(
        catalogue=catalogue,
        rules=load_rules(),
        inventory=snapshot.inventory,
        workload=workload,
        attestations=attestations,
        now=snapshot.collected_at,
        sources=("snapshot",),
        waivers=waivers,
    )


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
) -> LiveRun:
    """Collect the workload's accounts and regions, then review against the catalogue."""
    started = datetime.now(UTC)
    catalogue = load_catalogue()
    # Check every input before touching AWS: a typo should not cost a credential round trip.
    select_collectors(collectors)
    attestations = load_attestations(Path(workload.attestations), catalogue) if workload.attestations else []
    waivers = [*(load_waivers(Path(workload.waivers)) if workload.waivers else []), *extra_waivers]
    inventory, stats, accounts = collect_live(
        workload,
        collectors=collectors,
        workers=workers,
        progress=progress,
        max_attempts=max_attempts,
        timeout=timeout,
    )
    if not workload.accounts:
        workload = replace(workload, accounts=accounts)
    review = run_review(
        catalogue=catalogue,
        rules=load_rules(),
        inventory=inventory,
        workload=workload,
        attestations=attestations,
        now=now or datetime.now(UTC),
        waivers=waivers,
    )
    return LiveRun(review, stats, (datetime.now(UTC) - started).total_seconds())
