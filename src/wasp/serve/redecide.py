"""Re-decide a stored review's attested and hybrid practices with the questionnaire's current answers, by the
rules of engine/decide.py (which works on the model; this works on the stored document's practice decisions).

Findings are not re-evaluated: a practice with failing findings stays not met (a yes is shown contradicted);
one that could not be checked stays not assessed.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

RANK = {"high": 0, "medium": 1}


def _current(answer: dict[str, Any] | None, today: str) -> bool:
    return answer is not None and (answer["expires"] is None or answer["expires"] >= today)


def practice(bp: dict[str, Any], answer: dict[str, Any] | None, today: str) -> dict[str, Any]:
    """The practice's decision with ``answer`` as its attestation."""
    out = dict(bp)
    if answer is None:
        return out
    out["attestation"] = {
        "answer": answer["answer"],
        "owner": answer["by"],
        "date": answer["at"][:10],
        "expires": answer["expires"],
        "evidence": answer["evidence"],
        "reason": answer["reason"],
        "source": "wasp serve",
    }
    current = _current(answer, today)
    failing = bp["status"] == "not_met" and "failing finding" in bp["reason"]
    mode = bp["evidence_mode"]
    if failing:
        out["contradicted"] = current and answer["answer"] in ("yes", "not_applicable")
        return out
    out["contradicted"] = False
    if not current:
        if mode != "automated":
            out["status"], out["reason"] = "not_assessed", f"attestation expired on {answer['expires']}"
        return out
    if answer["answer"] == "not_applicable":
        out["status"], out["reason"] = "not_applicable", f"attested not applicable by {answer['by']}"
        out["na_reason"] = answer["reason"]
    elif answer["answer"] in ("no", "partial"):
        out["status"], out["reason"] = "not_met", f"attested {answer['answer']} by {answer['by']}"
    elif mode == "attested" or (mode == "hybrid" and not bp["reason"].startswith("could not check")):
        out["status"], out["reason"] = "met", f"attested yes by {answer['by']} on {answer['at'][:10]}"
    return out


def question_risk(practices: list[dict[str, Any]]) -> tuple[str, bool]:
    """(risk, incomplete) as engine.decide.question_risk decides it."""
    statuses = {p["status"] for p in practices}
    incomplete = any(p["status"] == "not_assessed" and p["risk"] in RANK for p in practices)
    if statuses == {"not_applicable"}:
        return "not_applicable", False
    if statuses <= {"not_assessed", "not_applicable"}:
        return "unanswered", incomplete
    not_met = {p["risk"] for p in practices if p["status"] == "not_met"}
    if "high" in not_met:
        return "high", incomplete
    if "medium" in not_met:
        return "medium", incomplete
    return "none", incomplete


def questions(doc: dict[str, Any], answers: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every question of the review, its practices re-decided with ``answers``."""
    today = datetime.now(UTC).date().isoformat()
    out = []
    for q in doc["questions"]:
        practices = [practice(bp, answers.get(bp["id"]), today) for bp in q["best_practices"]]
        risk, incomplete = question_risk(practices)
        out.append({**q, "best_practices": practices, "risk": risk, "incomplete": incomplete})
    return out


def redecided(full: dict[str, Any], answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A new review document: the stored one with practices, questions, summary and plan re-decided now."""
    doc = copy.deepcopy(full)
    doc["questions"] = questions(doc, answers)
    doc["generated_at"] = datetime.now(UTC).isoformat()
    practices = [bp for q in doc["questions"] for bp in q["best_practices"]]
    counts = {s: 0 for s in ("met", "not_met", "not_applicable", "not_assessed")}
    for bp in practices:
        counts[bp["status"]] = counts.get(bp["status"], 0) + 1
    summary = doc["summary"]
    summary["best_practices"] = counts
    summary["high_risk_questions"] = sum(q["risk"] == "high" for q in doc["questions"])
    summary["medium_risk_questions"] = sum(q["risk"] == "medium" for q in doc["questions"])
    summary["incomplete_questions"] = sum(bool(q["incomplete"]) for q in doc["questions"])
    summary["contradicted_attestations"] = sum(bool(bp.get("contradicted")) for bp in practices)
    still = {
        bp["id"]: (q["id"], bp)
        for q in doc["questions"]
        for bp in q["best_practices"]
        if bp["status"] == "not_met"
    }
    plan = [item for item in doc["improvement_plan"] if item["best_practice"] in still]
    planned = {item["best_practice"] for item in plan}
    for bp_id, (qid, bp) in still.items():
        if bp_id not in planned:  # answered no or partial since: the practice is to be implemented
            plan.append(
                {
                    "rank": 0,
                    "question": qid,
                    "best_practice": bp_id,
                    "title": bp["title"],
                    "risk": bp["risk"],
                    "action": f"Implement the practice: {bp['title']}",
                    "findings": [],
                    "remediation": [],
                }
            )
    plan.sort(key=lambda item: (RANK.get(item["risk"], 2), item["rank"] or 10**6))
    doc["improvement_plan"] = plan
    for rank, item in enumerate(doc["improvement_plan"], 1):
        item["rank"] = rank
    return doc
