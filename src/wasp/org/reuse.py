"""The findings the tasks decided, kept for the review to reuse where the merge kept the resource unchanged.

The merge (:func:`wasp.collect.runner.merge`) may drop a task's resource (outside the scope tags) or replace it
(two collectors, or two regions of a global service, describing the same resource are merged into a new one).
A task's finding is kept only when the inventory holds, under that identity (type, account, region, id), the
very resource object the task collected and decided; for any other resource the review decides centrally.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from wasp.model import Finding, Inventory, Resource
from wasp.model.evaluated import Evaluated, TaskEvaluator

Key = tuple[str, tuple[str, str, str, str]]
"""(rule id, resource identity as :attr:`wasp.model.Resource.key`)."""


class WorkerFindings(Mapping[Key, Finding | None]):
    """Findings by (rule, resource identity) as the tasks decided them; counts what the review takes.

    ``evaluator`` is the one the tasks ran with: the review reuses the findings only when it decides with the
    same time and scope. A value of None means the rule does not apply to the resource.
    """

    def __init__(self, table: dict[Key, Finding | None], evaluator: TaskEvaluator, deferred: int) -> None:
        self._table = table
        self.evaluator = evaluator
        self.deferred = deferred
        """(rule, resource) pairs the tasks left to the review (their rule queried the inventory)."""
        self.taken = 0
        """Pairs the review took from here (counted as it reads them)."""
        self.findings_taken = 0
        """Of those, the pairs that are findings (the rule applied)."""

    def __getitem__(self, key: Key) -> Finding | None:
        finding = self._table[key]
        self.taken += 1
        if finding is not None:
            self.findings_taken += 1
        return finding

    def __contains__(self, key: object) -> bool:
        return key in self._table

    def __iter__(self) -> Iterator[Key]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def worker_findings(
    inventory: Inventory,
    records: Iterable[tuple[Sequence[Resource], Sequence[Evaluated]]],
    evaluator: TaskEvaluator,
    deferred: int = 0,
) -> WorkerFindings:
    """The tasks' findings (``records``: each task's resources and outcomes) for the resources ``inventory``
    holds exactly as collected: a resource the merge dropped or replaced keeps none."""
    held = {r.key: r for r in inventory}
    table: dict[Key, Finding | None] = {}
    for resources, evaluated in records:
        for e in evaluated:
            resource = resources[e.resource]
            if held.get(resource.key) is resource:
                table[(e.rule, resource.key)] = e.finding
    return WorkerFindings(table, evaluator, deferred)
