"""Plan fixes from a saved review, offline: which failing findings have fixers and the calls each would make."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

from wasp.model import Origin, OriginKind, Resource
from wasp.remediate.base import Call, FixContext, Fixer, NeedsInput
from wasp.remediate.registry import fixers


@dataclass(frozen=True)
class PlanEntry:
    """One failing finding that has a fixer: the calls it would make, or the input it still needs."""

    finding: dict[str, Any]
    fixer: Fixer
    calls: tuple[Call, ...]
    needs: NeedsInput | None = None
    """Input the fix needs that wasp does not have: no calls are planned and applying skips it."""

    @property
    def fixable(self) -> bool:
        """True when the fix can be applied with what wasp has (it needs no input)."""
        return self.needs is None


def resource_from_evidence(finding: dict[str, Any]) -> Resource:
    """The resource as the review saw it, rebuilt from the property paths its evidence records."""
    props: dict[str, Any] = {}
    for path, value in (finding.get("evidence") or {}).items():
        node = props
        parts = path.split(".")
        if not all(p and not p.isdigit() for p in parts):
            continue
        for part in parts[:-1]:
            node = node.setdefault(part, {}) if isinstance(node.get(part, {}), dict) else {}
        node[parts[-1]] = value
    ref = finding["resource"]
    origin = Origin(OriginKind.LIVE, ref.get("account"), ref.get("region"))
    return Resource(ref["type"], ref["id"], props, origin, ref.get("arn"))


def select(
    review: Mapping[str, Any], rules: Sequence[str], resources: Sequence[str], findings: Sequence[str]
) -> list[dict[str, Any]]:
    """Failing findings that have a fixer, narrowed by rule, resource (glob) and finding id."""
    available = fixers()
    out = []
    for f in review["findings"]:
        if f["status"] != "fail" or f["rule"] not in available:
            continue
        if rules and f["rule"] not in rules:
            continue
        if findings and f["id"] not in findings:
            continue
        names = (f["resource"]["id"], f["resource"].get("arn") or "")
        if resources and not any(fnmatchcase(n, pat) for pat in resources for n in names if n):
            continue
        out.append(f)
    return out


def plan(
    review: Mapping[str, Any],
    ctx: FixContext,
    rules: Sequence[str] = (),
    resources: Sequence[str] = (),
    findings: Sequence[str] = (),
) -> list[PlanEntry]:
    """Every selected finding that has a fixer, with the calls it would make or the input it needs."""
    available = fixers()
    return [_entry(f, available[f["rule"]], ctx) for f in select(review, rules, resources, findings)]


def _entry(finding: dict[str, Any], fixer: Fixer, ctx: FixContext) -> PlanEntry:
    resource = resource_from_evidence(finding)
    need = fixer.needs(resource, ctx)
    if need:
        return PlanEntry(finding, fixer, (), need)
    return PlanEntry(finding, fixer, tuple(fixer.calls(resource, ctx)))
