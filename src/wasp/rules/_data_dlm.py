"""Data Lifecycle Manager cross-region copies: every copy rule a policy declares, from schedules and event actions."""

from __future__ import annotations

from typing import Any

from wasp.model.rule import ResourceView


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def cross_region_copies(view: ResourceView) -> list[tuple[str, Any]]:
    """(where, encryption settings) for each cross-region copy: a schedule's CrossRegionCopyRules entry (its
    Encrypted and CmkArn) or an event action's CrossRegionCopy entry (its EncryptionConfiguration)."""
    out: list[tuple[str, Any]] = []
    for n, schedule in enumerate(_listed(view.peek("PolicyDetails.Schedules"))):
        rules = schedule.get("CrossRegionCopyRules") if isinstance(schedule, dict) else None
        for rule in _listed(rules):
            target = rule.get("TargetRegion") or rule.get("Target") if isinstance(rule, dict) else None
            out.append((f"schedule {n} copy to {target}", rule))
    for n, action in enumerate(_listed(view.peek("PolicyDetails.Actions"))):
        copies = action.get("CrossRegionCopy") if isinstance(action, dict) else None
        for copy in _listed(copies):
            target = copy.get("Target") if isinstance(copy, dict) else None
            settings = copy.get("EncryptionConfiguration") if isinstance(copy, dict) else None
            out.append((f"event action {n} copy to {target}", settings))
    return out
