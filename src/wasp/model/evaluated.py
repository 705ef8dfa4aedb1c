"""Findings decided where their resource was collected: the record a task sends back, and who makes it.

An organisation review's tasks (on threads or Dask workers) run the rules that need nothing but the resource
they judge, right after collecting it (:mod:`wasp.engine.local`); the review reuses those findings for the
resources the merge kept unchanged (:mod:`wasp.org.reuse`). The types live here, in the model, because the
collecting side (:mod:`wasp.org`) may not import the engine and the engine may not import the collectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from wasp.model.finding import Finding
from wasp.model.resource import Resource


@dataclass(frozen=True, slots=True)
class Evaluated:
    """One rule's outcome on one resource of a task: the finding, or None when the rule does not apply."""

    resource: int
    """The resource's position in the task's resources (the record carries no copy of it)."""
    rule: str
    finding: Finding | None


@dataclass(frozen=True)
class TaskFindings:
    """What a task decided: the outcomes, and how many (rule, resource) pairs it left to the review."""

    evaluated: tuple[Evaluated, ...] = ()
    deferred: int = 0
    """Pairs whose rule queried the inventory: the review decides them over the merged inventory."""


class TaskEvaluator(Protocol):
    """Decides a task's resources where they were collected; picklable, so it travels to a Dask worker."""

    def __call__(self, resources: tuple[Resource, ...]) -> TaskFindings:
        """The findings of the rules that need only these resources, one by one."""
        ...
