"""The findings the tasks decided, kept for the review to reuse where the merge kept the resource unchanged.

The merge (:func:`wasp.collect.runner.merge`) may drop a task's resource (outside the scope tags) or replace it
(two collectors, or two regions of a global service, describing the same resource are merged into a new one).
A task's finding is kept only when the inventory holds, under that identity (type, account, region, id), the
very resource object the task collected and decided; for any other resource the review decides centrally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from wasp.model import Finding, Inventory, Resource
from wasp.model.evaluated import Evaluated, TaskEvaluator

ResourceKey = tuple[str, str, str, str]
"""A resource's identity in an inventory (:attr:`wasp.model.Resource.key`): type, account, region, id."""


class WorkerFindings(dict[str, dict[ResourceKey, Finding | None]]):
    """Findings as the tasks decided them, by rule id then resource identity (None: the rule does not apply).

    A plain dict underneath, so the review's lookups cost what a dict's do. ``evaluator`` is the one the tasks
    ran with: the review reuses the findings only when it decides with the same time and scope.
    """

    def __init__(self, evaluator: TaskEvaluator, deferred: int = 0) -> None:
        super().__init__()
        self.evaluator = evaluator
        self.deferred = deferred
        """(rule, resource) pairs the tasks left to the review (their rule queried the inventory)."""

    def taken(self, findings: Iterable[Finding]) -> int:
        """How many of a review's ``findings`` came from here: those whose (rule, resource) is here, since the
        review looks here before deciding a pair itself."""
        count = 0
        for f in findings:
            decided = self.get(f.rule)
            r = f.resource
            if decided is not None and decided.get((r.type, r.account or r.file or "", r.region or "", r.id)):
                count += 1
        return count


def worker_findings(
    inventory: Inventory,
    records: Iterable[tuple[Sequence[Resource], Sequence[Evaluated]]],
    evaluator: TaskEvaluator,
    deferred: int = 0,
) -> WorkerFindings:
    """The tasks' findings (``records``: each task's resources and outcomes) for the resources ``inventory``
    holds exactly as collected: a resource the merge dropped or replaced keeps none."""
    held = {r.key: r for r in inventory}
    table = WorkerFindings(evaluator, deferred)
    for resources, evaluated in records:
        for e in evaluated:
            resource = resources[e.resource]
            key = resource.key
            if held.get(key) is resource:
                table.setdefault(e.rule, {})[key] = e.finding
    return table
