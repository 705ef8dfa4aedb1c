"""Plan collection as independent (account, region, collector) tasks and run them on a thread pool."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import suppress
from dataclasses import dataclass, field

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector
from wasp.collect.clients import ClientFactory
from wasp.model import ACCOUNT_TYPE, Gap, Inventory, Resource

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


def plan(collectors: list[Collector], accounts: list[str], regions: tuple[str, ...]) -> list[Task]:
    """Global collectors once per account (in the first region), regional ones per region."""
    tasks: list[Task] = []
    for account in accounts:
        for c in collectors:
            for region in regions[:1] if c.is_global else regions:
                tasks.append(Task(account, region, c))
    return tasks


def run_task(task: Task, clients: ClientFactory, regions: tuple[str, ...]) -> TaskResult:
    """Run one task; a failed listing ends it with a gap, never an exception."""
    c = task.collector
    api = ApiReader(
        clients, task.account, task.region, c.service, c.resource_types, regions, is_global=c.is_global
    )
    resources: list[Resource] = []
    # A failed listing raises CallFailed after recording its gap in api.gaps; what was read before the
    # failure is kept, and the rules that needed the rest become not assessed.
    with suppress(CallFailed):
        resources.extend(c.collect(api))
    return TaskResult(task, tuple(resources), tuple(api.gaps))


def _in_scope(resource: Resource, tags: Mapping[str, str]) -> bool:
    if not tags or resource.type == ACCOUNT_TYPE:
        return True
    have = resource.tags
    return all(have.get(k) == v for k, v in tags.items())


def collect(
    tasks: list[Task],
    clients: Mapping[str, ClientFactory],
    regions: tuple[str, ...],
    *,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    scope_tags: Mapping[str, str] | None = None,
) -> tuple[Inventory, CollectionStats]:
    """Run every task and gather an inventory. Results are merged in plan order (deterministic)."""
    inventory = Inventory()
    results: dict[int, TaskResult] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="wasp-collect") as pool:
        futures = {pool.submit(run_task, t, clients[t.account], regions): i for i, t in enumerate(tasks)}
        for done, future in enumerate(as_completed(futures), start=1):
            index = futures[future]
            results[index] = future.result()
            if progress is not None:
                progress(done, len(tasks), tasks[index].label)
    for index in range(len(tasks)):
        result = results[index]
        inventory.mark_collected(*result.task.collector.resource_types)
        inventory.extend(r for r in result.resources if _in_scope(r, scope_tags or {}))
        for gap in result.gaps:
            inventory.add_gap(gap)
    stats = CollectionStats(tasks=len(tasks))
    for factory in clients.values():
        for op, n in factory.calls.items():
            stats.calls_by_operation[op] = stats.calls_by_operation.get(op, 0) + n
    stats.api_calls = sum(stats.calls_by_operation.values())
    return inventory, stats
