"""Inspector's findings and coverage as the collector left them on the account, region by region.

``Regions.<region>.InspectorFindings`` = {Findings: [...], Capped} and ``Regions.<region>.InspectorCoverage`` =
{Resources: [...], Capped}; both are absent where no Inspector scanning is on, and unknown where the read failed.
Lists are read with :func:`lookup` (not ``view.get``) so the evidence is what matters, not every summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wasp.model.rule import ResourceView, RuleContext, contains_unresolved, lookup


@dataclass(frozen=True)
class RegionRead:
    """One region's list, or why it is not known (``problem``)."""

    items: tuple[Mapping[str, Any], ...] = ()
    capped: bool = False
    problem: str | None = None


def region_list(view: ResourceView, region: str, key: str, items: str) -> RegionRead:
    """``Regions.<region>.<key>.<items>`` with its cap flag, or the reason it cannot be used."""
    props = view.resource.properties
    state = lookup(props, f"Regions.{region}.Inspector")
    if state is None:
        return RegionRead(problem="Inspector's status was not read")
    broken = contains_unresolved(state)
    if broken is not None:
        return RegionRead(problem=f"Inspector's status could not be read ({broken.reason})")
    if not isinstance(state, Mapping) or "ENABLED" not in state.values():
        return RegionRead(problem="Inspector scans nothing here (inspector_enabled fails it)")
    block = lookup(props, f"Regions.{region}.{key}")
    if block is None:
        return RegionRead(problem=f"Inspector's {key} were not collected (an older snapshot?)")
    broken = contains_unresolved(block)
    if broken is not None:
        return RegionRead(problem=f"read failed: {broken.reason}")
    listed = block.get(items) if isinstance(block, Mapping) else None
    if not isinstance(listed, list):
        return RegionRead(problem=f"Inspector's {key} are not a list")
    if not all(isinstance(i, Mapping) for i in listed):
        return RegionRead(problem=f"an entry of Inspector's {key} is not a mapping")
    return RegionRead(tuple(listed), bool(block.get("Capped")))


def regions(view: ResourceView, ctx: RuleContext) -> tuple[str, ...]:
    """The workload's regions, else those the account has settings for."""
    if ctx.workload.regions:
        return ctx.workload.regions
    known = lookup(view.resource.properties, "Regions")
    return tuple(sorted(known)) if isinstance(known, Mapping) else ()


def ref(resource: Any) -> str:
    """``Type/Id`` of a summarised resource."""
    if isinstance(resource, Mapping):
        return f"{resource.get('Type')}/{resource.get('Id')}"
    return str(resource)
