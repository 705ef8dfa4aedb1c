"""`wasp wa list`: the workloads and milestones the caller can see, with their risk counts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wasp.wa.client import Tool

RISKS = ("HIGH", "MEDIUM", "NONE", "NOT_APPLICABLE", "UNANSWERED")


@dataclass(frozen=True)
class Milestone:
    """One milestone of a workload."""

    number: int
    name: str
    recorded: str
    risks: Mapping[str, int]


@dataclass(frozen=True)
class WorkloadRow:
    """One workload: id, name, owner account, last update, lenses, risk counts and milestones."""

    id: str
    name: str
    owner: str
    updated: str
    lenses: tuple[str, ...]
    risks: Mapping[str, int]
    lens_reviews: dict[str, Mapping[str, int]] = field(default_factory=dict)
    """Risk counts per lens review (lens alias -> counts)."""
    milestones: list[Milestone] = field(default_factory=list)


def _when(value: Any) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")


def list_workloads(tool: Tool, prefix: str | None = None, milestones: bool = True) -> list[WorkloadRow]:
    """Every workload visible to the caller (ListWorkloads, all pages) with its lens reviews' risk counts
    (ListLensReviews) and, unless told not to, its milestones."""
    params: dict[str, Any] = {"WorkloadNamePrefix": prefix} if prefix else {}
    rows: list[WorkloadRow] = []
    for w in tool.pages("ListWorkloads", "WorkloadSummaries", **params):
        row = WorkloadRow(
            id=w["WorkloadId"],
            name=w.get("WorkloadName", ""),
            owner=w.get("Owner", ""),
            updated=_when(w.get("UpdatedAt")),
            lenses=tuple(w.get("Lenses", [])),
            risks=dict(w.get("RiskCounts", {})),
        )
        for lens in tool.pages("ListLensReviews", "LensReviewSummaries", WorkloadId=row.id):
            row.lens_reviews[str(lens.get("LensAlias") or lens.get("LensArn") or "?")] = dict(
                lens.get("RiskCounts", {})
            )
        if milestones:
            for m in tool.pages("ListMilestones", "MilestoneSummaries", WorkloadId=row.id):
                row.milestones.append(
                    Milestone(
                        number=int(m["MilestoneNumber"]),
                        name=m.get("MilestoneName", ""),
                        recorded=_when(m.get("RecordedAt")),
                        risks=dict(m.get("WorkloadSummary", {}).get("RiskCounts", {})),
                    )
                )
        rows.append(row)
    return rows


def counts(risks: Mapping[str, int]) -> str:
    """``high 2, medium 1, none 8`` (only the risks present)."""
    return (
        ", ".join(f"{r.lower().replace('_', ' ')} {risks[r]}" for r in RISKS if risks.get(r)) or "no answers"
    )
