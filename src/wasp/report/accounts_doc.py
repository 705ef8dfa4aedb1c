"""Per-account results and the organisation rollup in the review document (wasp.review/2 ``accounts`` and
``organisation``), and the views reports draw from them.

The accounts come worst first (most High questions, then Medium, then unanswered, then account id: see
model.account_result); OUs come in the order of their worst account, accounts with no known OU under ``null``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from wasp.model import QuestionRisk
from wasp.model.account_result import AccountResult
from wasp.report.doc_types import AccountDoc, OrganisationDoc, OrgQuestionDoc, OuDoc, ReviewDoc

QUESTION_IDS = tuple(f"SEC{n:02d}" for n in range(1, 12))
NO_OU = "no OU"
"""How reports name the group of accounts whose OU is not known (the organisation was not read)."""


def account_doc(a: AccountResult) -> AccountDoc:
    """One account in the document's shape."""
    return {
        "id": a.account,
        "name": a.name,
        "ou": a.ou,
        "high_risk_questions": a.count(QuestionRisk.HIGH),
        "medium_risk_questions": a.count(QuestionRisk.MEDIUM),
        "unanswered_questions": a.count(QuestionRisk.UNANSWERED),
        "failing_findings": a.failing_findings,
        "gaps": a.gaps,
        "questions": [{"id": q.id, "risk": q.risk.value, "incomplete": q.incomplete} for q in a.questions],
        "best_practices": {bp.id: bp.status.value for q in a.questions for bp in q.best_practices},
    }


def organisation_doc(
    accounts: Sequence[AccountDoc], question_ids: Iterable[str] = QUESTION_IDS
) -> OrganisationDoc:
    """The rollup over accounts already in worst-first order: per OU (in the order of its worst account) and, per
    question, how many accounts carry each risk."""
    ous: dict[str | None, list[AccountDoc]] = {}
    for a in accounts:
        ous.setdefault(a["ou"], []).append(a)
    per_question: dict[str, Counter[str]] = {q: Counter() for q in question_ids}
    for a in accounts:
        for q in a["questions"]:
            per_question.setdefault(q["id"], Counter())[q["risk"]] += 1
    ou_docs: list[OuDoc] = [
        {
            "ou": ou,
            "accounts": [a["id"] for a in members],
            "high_risk_accounts": sum(a["high_risk_questions"] > 0 for a in members),
            "medium_risk_accounts": sum(a["medium_risk_questions"] > 0 for a in members),
        }
        for ou, members in ous.items()
    ]
    question_docs: list[OrgQuestionDoc] = [
        {
            "id": qid,
            "high": c["high"],
            "medium": c["medium"],
            "none": c["none"],
            "not_applicable": c["not_applicable"],
            "unanswered": c["unanswered"],
        }
        for qid, c in per_question.items()
    ]
    return {
        "accounts": len(accounts),
        "high_risk_accounts": sum(a["high_risk_questions"] > 0 for a in accounts),
        "medium_risk_accounts": sum(a["medium_risk_questions"] > 0 for a in accounts),
        "ous": ou_docs,
        "questions": question_docs,
    }


def account_label(a: AccountDoc) -> str:
    """``111122223333 (prod)``, or the id alone when the account's name is not known (text is untrusted)."""
    return f"{a['id']} ({a['name']})" if a.get("name") else a["id"]


def review_accounts(review: ReviewDoc) -> list[AccountDoc]:
    """The review's accounts, worst first ([] for a wasp.review/1 document, which has none)."""
    return list(review.get("accounts") or [])


def multi_account(review: ReviewDoc) -> bool:
    """True when the review covers two accounts or more: reports then show the accounts matrix and group plan
    items by account."""
    return len(review.get("accounts") or []) >= 2
