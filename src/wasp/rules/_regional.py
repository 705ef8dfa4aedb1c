"""Account rules of the form 'a control is on in every in-scope region', decided region by region.

Each region is judged on its own: on, definitely off, or unknown (its read failed or never happened).
The account's verdict lists the regions in each state and is FAIL when any region is definitely off
(whatever other regions could not be read), else UNKNOWN when any region is unknown or no region is in
scope, else PASS.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from wasp.model.rule import (
    ResourceView,
    RuleContext,
    UnresolvedRead,
    Verdict,
    contains_unresolved,
    failed,
    passed,
    unknown,
)

State = Literal["on", "off", "unknown"]


@dataclass(frozen=True)
class RegionState:
    """How one region stands, with a short reason shown in the verdict."""

    state: State
    detail: str = ""


def on(detail: str = "") -> RegionState:
    """The control is on in the region."""
    return RegionState("on", detail)


def off(detail: str = "") -> RegionState:
    """The control is definitely off in the region."""
    return RegionState("off", detail)


def not_known(detail: str) -> RegionState:
    """The region could not be judged (a read failed, or nothing was read)."""
    return RegionState("unknown", detail)


Judge = Callable[[str], RegionState]
"""Judges one region by name."""


def in_scope_regions(view: ResourceView, ctx: RuleContext) -> tuple[str, ...]:
    """The workload's regions, else those the account resource has settings for (even unreadable ones)."""
    if ctx.workload.regions:
        return ctx.workload.regions
    known = view.peek("Regions", {})
    return tuple(sorted(known)) if isinstance(known, Mapping) else ()


def _listing(states: Mapping[str, RegionState], which: State) -> list[str]:
    return [f"{r} ({s.detail})" if s.detail else r for r, s in states.items() if s.state == which]


def decide_regions(view: ResourceView, what: str, states: Mapping[str, RegionState]) -> Verdict:
    """FAIL if any region is off; else UNKNOWN if any is unknown or none is in scope; else PASS."""
    failing = _listing(states, "off")
    unknowns = _listing(states, "unknown")
    passing = [r for r, s in states.items() if s.state == "on"]
    # plain region names (remediation reads regions_missing), and why each region stands as it does
    view.note("regions_missing", [r for r, s in states.items() if s.state == "off"])
    view.note("regions_unknown", [r for r, s in states.items() if s.state == "unknown"])
    view.note("regions_on", passing)
    view.note(
        "region_detail", {r: f"{s.state}: {s.detail}" if s.detail else s.state for r, s in states.items()}
    )
    if failing:
        tail = f"; unknown in {', '.join(unknowns)}" if unknowns else ""
        return failed(f"{what} is off in {', '.join(failing)}{tail}")
    if not states:
        return unknown(
            f"no region is in scope, so {what} cannot be checked (list regions in the workload file)"
        )
    if unknowns:
        tail = f" (on in {', '.join(passing)})" if passing else ""
        return unknown(f"{what} could not be checked in {', '.join(unknowns)}{tail}")
    return passed(f"{what} is on in {', '.join(passing)}")


def regional_verdict(view: ResourceView, ctx: RuleContext, what: str, judge: Judge) -> Verdict:
    """Judge every in-scope region with ``judge`` and decide the account (see :func:`decide_regions`)."""
    return decide_regions(view, what, {r: judge(r) for r in in_scope_regions(view, ctx)})


def region_gap(ctx: RuleContext, resource_type: str, account: str | None, region: str) -> str | None:
    """Why the listing of ``resource_type`` failed in this account and region (a global failure counts)."""
    for gap in ctx.inventory.gaps:
        if not gap.blocks_service or resource_type not in gap.resource_types:
            continue
        if gap.account and account and gap.account != account:
            continue
        if gap.region is None or gap.region == region:
            return f"{gap.service}:{gap.operation} {gap.error}"
    return None


def resource_judge(
    view: ResourceView,
    ctx: RuleContext,
    resource_type: str,
    good: Callable[[ResourceView], bool] = lambda _: True,
    absent: str = "none found",
) -> Judge:
    """A region is on when it holds a resource of ``resource_type`` (in the account) for which ``good`` holds.

    ``good`` reads the resource through a neighbour view, so its reads are evidence and an unreadable
    value makes that resource (not the region, if another resource is good) unknown. A region whose
    listing failed is unknown unless a resource read from it is good.
    """
    account = view.resource.account

    def judge(region: str) -> RegionState:
        unreadable: list[str] = []
        bad: list[str] = []
        for res in ctx.inventory.of_type(resource_type):
            if res.region != region or (account and res.account and res.account != account):
                continue
            try:
                if good(view.neighbour(res)):
                    return on(res.id)
                bad.append(res.id)
            except UnresolvedRead as exc:
                unreadable.append(f"{res.id}: {exc}")
        gap = region_gap(ctx, resource_type, account, region)
        if unreadable or gap:
            return not_known("; ".join([*unreadable, *([f"read failed: {gap}"] if gap else [])]))
        return off(f"not on: {', '.join(bad)}" if bad else absent)

    return judge


def setting_judge(view: ResourceView, path: str, decide: Callable[[Any], RegionState]) -> Judge:
    """A region is judged by an account-level setting at ``Regions.<region>.<path>`` on the account resource.

    A region with no settings at all (never read) or whose value could not be read is unknown; otherwise
    ``decide`` judges the value (which is None when the setting was read as absent).
    """

    def judge(region: str) -> RegionState:
        if view.peek(f"Regions.{region}") is None:
            return not_known("not read")
        value = view.peek(f"Regions.{region}.{path}")
        broken = contains_unresolved(value)
        if broken is not None:
            return not_known(f"read failed: {broken.reason}")
        return decide(value)

    return judge
