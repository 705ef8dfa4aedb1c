"""A framework's view of a review: each control, its mapped practices, their statuses and honest coverage."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from wasp.model.framework import Framework


def control_status(statuses: list[str]) -> str:
    """not_met if any practice is not met; met only if every applicable one is met; else not_assessed."""
    applicable = [s for s in statuses if s != "not_applicable"]
    if not applicable:
        return "not_applicable"
    if "not_met" in applicable:
        return "not_met"
    if all(s == "met" for s in applicable):
        return "met"
    return "not_assessed"


def compliance_view(review: Mapping[str, Any], framework: Framework) -> dict[str, Any]:
    """Controls with their practices' statuses; coverage counts say how much rests on people's word."""
    practices = {bp["id"]: bp for q in review["questions"] for bp in q["best_practices"]}
    controls = []
    for c in framework.controls:
        mapped = [practices[b] for b in c.best_practices if b in practices]
        statuses = [bp["status"] for bp in mapped]
        met = [bp for bp in mapped if bp["status"] == "met"]
        controls.append(
            {
                "id": c.id,
                "title": c.title,
                "rationale": c.rationale,
                "status": control_status(statuses),
                "best_practices": [
                    {"id": bp["id"], "status": bp["status"], "evidence_mode": bp["evidence_mode"]}
                    for bp in mapped
                ],
                "met_by_evidence": sum(bp["evidence_mode"] == "automated" for bp in met),
                "met_by_attestation": sum(bp["evidence_mode"] != "automated" for bp in met),
            }
        )
    counts = Counter(c["status"] for c in controls)
    return {
        "framework": framework.id,
        "name": framework.name,
        "version": framework.version,
        "note": framework.note,
        "workload": review["workload"],
        "generated_at": review["generated_at"],
        "summary": {s: counts.get(s, 0) for s in ("met", "not_met", "not_assessed", "not_applicable")},
        "controls": controls,
    }
