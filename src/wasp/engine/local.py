"""Decide a task's resources where they were collected: the rules that need nothing but the resource they judge.

A rule's verdict on a resource depends on the resource, the workload scope and the review time and, for rules
that look at neighbours, on the whole inventory (``ctx.inventory``: of_type, find, gaps). A task holds only its
own resources, so it runs the rules of their types that declare no ``related_types``, with an inventory that
refuses every query: a rule that queries it anyway is deferred to the review, which decides it over the merged
inventory. Any other outcome (a verdict, None, UNKNOWN from an unresolved read, a rule error) is the finding
exactly as :func:`wasp.engine.evaluate.evaluate_resource` makes it in the review, stamped with the review time
the review chose: no clock is read here. What the review applies afterwards (waivers, unreadable neighbours,
rule-error gaps) it still applies to every finding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, NoReturn

from wasp.engine.evaluate import evaluate_resource
from wasp.model import Gap, Resource, ResourceRef
from wasp.model.evaluated import Evaluated, TaskFindings
from wasp.model.rule import Rule, RuleContext, WorkloadScope


class _NeedsInventory(BaseException):
    """A rule asked the inventory a question a task cannot answer.

    A BaseException, so that :func:`evaluate_resource` (which turns an ``Exception`` into a rule error) and
    a rule's own ``except Exception`` let it through to :func:`decide`, which defers the pair.
    """


class _Refusing:
    """The inventory a task's rules see: every query raises :class:`_NeedsInventory` and is remembered."""

    def __init__(self) -> None:
        self.asked = False

    def _refuse(self, what: str) -> NoReturn:
        self.asked = True
        raise _NeedsInventory(what)

    def of_type(self, resource_type: str) -> list[Resource]:
        """Refused: the other resources are not in this task."""
        self._refuse(f"of_type {resource_type}")

    def find(self, resource_type: str, **properties: Any) -> list[Resource]:
        """Refused: the other resources are not in this task."""
        self._refuse(f"find {resource_type}")

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """Refused: the other tasks' gaps are not known here."""
        self._refuse("gaps")

    def __getattr__(self, name: str) -> Any:
        self._refuse(name)


def local_rules(rules: Iterable[Rule]) -> dict[str, tuple[Rule, ...]]:
    """The rules that may be decided in a task (no related types), by the resource type they judge."""
    by_type: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        if not rule.meta.related_types:
            by_type[rule.meta.resource_type].append(rule)
    return {t: tuple(r) for t, r in by_type.items()}


def decide(
    resources: tuple[Resource, ...],
    by_type: Mapping[str, tuple[Rule, ...]],
    now: datetime,
    scope: WorkloadScope,
) -> TaskFindings:
    """Run the rules of ``by_type`` (see :func:`local_rules`) on each resource: outcomes, and deferred pairs."""
    stamp = now.isoformat()
    refusing = _Refusing()
    ctx = RuleContext(inventory=refusing, workload=scope, now=now)
    out: list[Evaluated] = []
    deferred = 0
    for at, resource in enumerate(resources):
        mine = by_type.get(resource.type, ())
        ref = ResourceRef.of(resource) if mine else None
        for rule in mine:
            refusing.asked = False
            try:
                finding = evaluate_resource(rule, resource, ctx, stamp, ref)
            except _NeedsInventory:
                deferred += 1
                continue
            if refusing.asked:  # a rule that caught the refusal itself decided without what it asked for
                deferred += 1
                continue
            out.append(Evaluated(at, rule.id, finding))
    return TaskFindings(tuple(out), deferred)


@dataclass(frozen=True)
class LocalEvaluator:
    """A :class:`~wasp.model.evaluated.TaskEvaluator` for live reviews: the review's time and workload scope.

    Picklable (names and values only): each process loads the rules itself, once.
    """

    now: datetime
    scope: WorkloadScope

    def __call__(self, resources: tuple[Resource, ...]) -> TaskFindings:
        """Decide ``resources`` with the rules a live review runs."""
        return decide(resources, _live_by_type(), self.now, self.scope)


@cache
def _live_by_type() -> dict[str, tuple[Rule, ...]]:
    """Every shipped rule that may be decided in a task, by type (loaded once per process)."""
    from wasp.rules import load_rules

    return local_rules(load_rules())
