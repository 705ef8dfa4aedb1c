"""A compact view of a review for human-readable reports: findings aggregated per practice and rule."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from wasp.report.history_chart import chart_data_uri

MAX_LISTED = 25
"""Failing resources listed per rule in a practice; the rest are counted, so 100k findings stay readable."""

STATUS_LABEL = {
    "met": "Met",
    "not_met": "Not met",
    "not_applicable": "Not applicable",
    "not_assessed": "Not assessed",
}
RISK_LABEL = {
    "high": "High",
    "medium": "Medium",
    "none": "None",
    "not_applicable": "N/A",
    "unanswered": "Unanswered",
}


def practice_rules(
    bp: dict[str, Any], findings: dict[str, dict[str, Any]], max_listed: int = MAX_LISTED
) -> list[dict[str, Any]]:
    """Per rule of a practice: status counts and the first failing (or unknown) findings."""
    by_rule: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fid in bp["findings"]:
        f = findings.get(fid)
        if f:
            by_rule[f["rule"]].append(f)
    out = []
    for rule, items in sorted(by_rule.items()):
        counts = Counter(f["status"] for f in items)
        notable = [f for f in items if f["status"] in ("fail", "unknown", "waived")]
        notable.sort(
            key=lambda f: ("critical", "high", "medium", "low", "informational").index(f["severity"])
        )
        out.append(
            {
                "rule": rule,
                "counts": dict(counts),
                "listed": notable[:max_listed],
                "more": max(0, len(notable) - max_listed),
            }
        )
    return out


def build_view(review: dict[str, Any], max_listed: int = MAX_LISTED, compact: bool = False) -> dict[str, Any]:
    """Everything the HTML and Markdown templates need, precomputed (compact: paper-sized, for the PDF)."""
    findings = {f["id"]: f for f in review["findings"]}
    questions = []
    for q in review["questions"]:
        bps = [{**bp, "rules_view": practice_rules(bp, findings, max_listed)} for bp in q["best_practices"]]
        questions.append(
            {**q, "best_practices": bps, "counts": Counter(bp["status"] for bp in q["best_practices"])}
        )
    plan = []
    for item in review["improvement_plan"]:
        examples = [findings[i] for i in item["findings"][:3] if i in findings]
        plan.append({**item, "examples": examples})
    return {
        "review": review,
        "summary": review["summary"],
        "questions": questions,
        "areas": review.get("areas", []),
        "principles": review.get("design_principles", []),
        "plan": plan,
        "gaps": review["gaps"],
        "status_label": STATUS_LABEL,
        "risk_label": RISK_LABEL,
        "compact": compact,
        "compliance": compliance_views(review),
        "history_chart": chart_data_uri(review),
    }


def compliance_views(review: dict[str, Any]) -> list[dict[str, Any]]:
    """The review seen through each UK framework."""
    from wasp.catalogue.frameworks import load_frameworks
    from wasp.report.compliance import compliance_view

    return [compliance_view(review, fw) for fw in load_frameworks().values()]
