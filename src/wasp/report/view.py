"""A compact view of a review for human-readable reports: findings aggregated per practice and rule."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from functools import cache
from typing import Any

from wasp.report.accounts_view import accounts_view, plan_by_account
from wasp.report.doc_types import FindingDoc, PracticeDoc, ReviewDoc
from wasp.report.findings_table import findings_table
from wasp.report.history_chart import chart_data_uri, chart_note
from wasp.report.plan_view import rule_groups, severity_rank

MAX_LISTED = 25
"""Failing resources listed per rule in a practice; the rest are counted, so 100k findings stay readable."""

PLAN_LISTED = 50
"""Failing findings listed (with their ids) under each rule of a plan item in the HTML report; the rest are counted
("and N more"), and every one of them is in the HTML findings table and the CSV files."""

PDF_PLAN_LISTED = 10
"""The same for the PDF, which a board reads on paper: a 100k-finding review stays about 60 pages, not 180."""

GUIDANCE = "https://docs.aws.amazon.com/wellarchitected/latest/security-pillar/"
"""AWS's guidance page of a best practice is GUIDANCE + the catalogue's choice id (its documentation slug)."""

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


@cache
def guidance_urls() -> dict[str, str]:
    """Best-practice id -> its AWS guidance page (from the catalogue shipped with wasp)."""
    from wasp.catalogue import load_catalogue

    return {bp.id: f"{GUIDANCE}{bp.choice_id}.html" for bp in load_catalogue().best_practices}


def practice_rules(
    bp: PracticeDoc, findings: Mapping[str, FindingDoc], max_listed: int = MAX_LISTED
) -> list[dict[str, Any]]:
    """Per rule of a practice: status counts and the first failing (or unknown) findings."""
    by_rule: dict[str, list[FindingDoc]] = defaultdict(list)
    for fid in bp["findings"]:
        f = findings.get(fid)
        if f:
            by_rule[f["rule"]].append(f)
    out = []
    for rule, items in sorted(by_rule.items()):
        counts = Counter(f["status"] for f in items)
        notable = [f for f in items if f["status"] in ("fail", "unknown", "waived")]
        notable.sort(key=lambda f: severity_rank(f.get("severity")))
        out.append(
            {
                "rule": rule,
                "counts": dict(counts),
                "listed": notable[:max_listed],
                "more": max(0, len(notable) - max_listed),
            }
        )
    return out


def plan_by_rule(
    item: Mapping[str, Any], findings: Mapping[str, Mapping[str, Any]], max_listed: int = PLAN_LISTED
) -> list[dict[str, Any]]:
    """A plan item's findings grouped by their own rule (report.plan_view.rule_groups), as template data.

    Groups and findings come in the shared order (worst severity first); ``listed`` holds at most ``max_listed``
    findings and ``more`` counts the rest, so ``len(listed) + more`` is the group's whole count.
    """
    return [
        {
            "rule": g.rule,
            "total": g.count,
            "listed": list(g.findings[:max_listed]),
            "more": max(0, g.count - max_listed),
            "fix": g.remediation,
            "service": g.service,
        }
        for g in rule_groups(item, findings)
    ]


def build_view(
    review: ReviewDoc,
    max_listed: int = MAX_LISTED,
    compact: bool = False,
    table: bool = False,
    plan_listed: int = PLAN_LISTED,
) -> dict[str, Any]:
    """Everything the HTML and Markdown templates need, precomputed (compact: paper-sized, for the PDF; table:
    the data of the HTML report's searchable findings table; plan_listed: failing findings listed per rule of a
    plan item)."""
    findings = {f["id"]: f for f in review["findings"]}
    urls = guidance_urls()
    questions = []
    for q in review["questions"]:
        bps = [
            {**bp, "rules_view": practice_rules(bp, findings, max_listed), "url": urls.get(bp["id"])}
            for bp in q["best_practices"]
        ]
        questions.append(
            {**q, "best_practices": bps, "counts": Counter(bp["status"] for bp in q["best_practices"])}
        )
    plan = []
    for item in review["improvement_plan"]:
        examples = [findings[i] for i in item["findings"][:3] if i in findings]
        plan.append(
            {
                **item,
                "examples": examples,
                "by_rule": plan_by_rule(item, findings, plan_listed),
                "by_account": plan_by_account(review, item, findings, compact),
                "url": urls.get(item["best_practice"]),
            }
        )
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
        "chart_note": chart_note(review),
        "findings_table": findings_table(review) if table else None,
        "accounts": accounts_view(review, compact),
    }


def compliance_views(review: ReviewDoc) -> list[dict[str, Any]]:
    """The review seen through each UK framework."""
    from wasp.catalogue.frameworks import load_frameworks
    from wasp.report.compliance import compliance_view

    return [compliance_view(review, fw) for fw in load_frameworks().values()]
