"""What changed between two reviews: the proof (or disproof) of improvement."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.report.diff_accounts import diff_accounts

RISK_ORDER = {"high": 0, "medium": 1, "none": 2, "unanswered": 3, "not_applicable": 4}
HIGH = ("critical", "high")


def _practices(review: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {bp["id"]: bp for q in review["questions"] for bp in q["best_practices"]}


def _failing_high(review: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Failing critical/high findings by stable id (rule + resource identity)."""
    return {f["id"]: f for f in review["findings"] if f["status"] == "fail" and f["severity"] in HIGH}


def _brief(f: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f["id"],
        "rule": f["rule"],
        "severity": f["severity"],
        "resource": f["resource"].get("arn") or f["resource"]["id"],
        "message": f["message"],
    }


def diff_reviews(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """Questions whose risk changed, practices whose status changed, high findings new and resolved,
    attestations that expired in between; per account (``accounts``, None when either review predates
    wasp.review/2): how many accounts each practice improved and regressed in, and every account's changes."""
    qa = {q["id"]: q for q in before["questions"]}
    questions = [
        {
            "id": q["id"],
            "title": q["title"],
            "before": qa[q["id"]]["risk"],
            "after": q["risk"],
            "direction": "better" if RISK_ORDER[q["risk"]] > RISK_ORDER[qa[q["id"]]["risk"]] else "worse",
        }
        for q in after["questions"]
        if q["id"] in qa and q["risk"] != qa[q["id"]]["risk"]
    ]
    pa, pb = _practices(before), _practices(after)
    practices = [
        {
            "id": i,
            "title": pb[i]["title"],
            "risk": pb[i]["risk"],
            "before": pa[i]["status"],
            "after": pb[i]["status"],
        }
        for i in sorted(pb)
        if i in pa and pa[i]["status"] != pb[i]["status"]
    ]
    fa, fb = _failing_high(before), _failing_high(after)
    expired_before = {a["best_practice"] for a in before.get("expired_attestations", [])}
    s_before, s_after = before["summary"], after["summary"]
    return {
        "before": {"workload": before["workload"], "generated_at": before["generated_at"]},
        "after": {"workload": after["workload"], "generated_at": after["generated_at"]},
        "summary": {
            "high_risk_questions": [s_before["high_risk_questions"], s_after["high_risk_questions"]],
            "medium_risk_questions": [s_before["medium_risk_questions"], s_after["medium_risk_questions"]],
            "best_practices_met": [s_before["best_practices"]["met"], s_after["best_practices"]["met"]],
            "failing_findings": [s_before["findings"]["fail"], s_after["findings"]["fail"]],
        },
        "questions": questions,
        "best_practices": practices,
        "new_high_findings": [_brief(f) for i, f in sorted(fb.items()) if i not in fa],
        "resolved_high_findings": [_brief(f) for i, f in sorted(fa.items()) if i not in fb],
        "newly_expired_attestations": sorted(
            a["best_practice"]
            for a in after.get("expired_attestations", [])
            if a["best_practice"] not in expired_before
        ),
        "accounts": diff_accounts(before, after),
    }
