"""Template data for the HTML and PDF reports of a review of several accounts: the account x question matrix
grouped by OU (worst accounts first), and each plan item's resources by account.

Names and OU paths are the organisation's own text (untrusted): the template escapes them; the page's filter
script reads only the numeric indices and risk words this module writes into data attributes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.report.accounts_doc import NO_OU, account_label, multi_account, review_accounts
from wasp.report.doc_types import ReviewDoc
from wasp.report.plan_view import account_groups

PDF_ACCOUNTS = 100
"""Accounts the PDF lists in its matrix (worst first); the HTML lists every one."""

ACCOUNTS_LISTED = 10
"""Accounts listed under a plan item in the HTML; the rest are counted (the PDF lists PDF_ITEM_ACCOUNTS)."""

PDF_ITEM_ACCOUNTS = 5

RESOURCES_LISTED = 5
"""Resources named per account under a plan item; the rest are counted."""

CELL = {"high": "H", "medium": "M", "none": "·", "unanswered": "?", "not_applicable": "-"}
CELL_LABEL = {
    "high": "High",
    "medium": "Medium",
    "none": "None",
    "unanswered": "Not assessed",
    "not_applicable": "Not applicable",
}
FILTER_RISKS = (
    ("high", "With high-risk questions"),
    ("medium", "With medium-risk questions"),
    ("unanswered", "With questions not assessed"),
)
"""The risk filter's choices: accounts with at least one question of that risk."""


def accounts_view(review: ReviewDoc, compact: bool = False) -> dict[str, Any] | None:
    """The matrix's data: OU groups (in the order of their worst account), each with its accounts; None for a
    review of fewer than two accounts (or a wasp.review/1 document, which has no per-account results)."""
    if not multi_account(review):
        return None
    accounts = review_accounts(review)
    limit = PDF_ACCOUNTS if compact else len(accounts)
    question_ids = [q["id"] for q in review["questions"]]
    groups: dict[str | None, dict[str, Any]] = {}
    for a in accounts[:limit]:
        ou = a["ou"]
        if ou not in groups:
            groups[ou] = {"index": len(groups), "label": ou or NO_OU, "accounts": []}
        risks = {q["id"]: q["risk"] for q in a["questions"]}
        groups[ou]["accounts"].append(
            {
                **a,
                "label": account_label(a),
                "cells": [(qid, risks.get(qid, "unanswered")) for qid in question_ids],
                "risks": " ".join(sorted(set(risks.values()))),
            }
        )
    org = review.get("organisation")
    return {
        "groups": list(groups.values()),
        "question_ids": question_ids,
        "total": len(accounts),
        "shown": min(limit, len(accounts)),
        "high_risk_accounts": org["high_risk_accounts"] if org else None,
        "medium_risk_accounts": org["medium_risk_accounts"] if org else None,
        "cell": CELL,
        "cell_label": CELL_LABEL,
        "filter_risks": FILTER_RISKS,
    }


def plan_by_account(
    review: ReviewDoc,
    item: Mapping[str, Any],
    findings: Mapping[str, Mapping[str, Any]],
    compact: bool = False,
) -> dict[str, Any] | None:
    """A plan item's resources account by account (most resources first), or None for a one-account review."""
    if not multi_account(review):
        return None
    names = {a["id"]: account_label(a) for a in review_accounts(review)}
    groups = account_groups(item, findings)
    shown = PDF_ITEM_ACCOUNTS if compact else ACCOUNTS_LISTED
    return {
        "accounts": [
            {
                "label": names.get(g.account, g.account),
                "resources": len(g.resources),
                "listed": list(g.resources[:RESOURCES_LISTED]),
                "more": max(0, len(g.resources) - RESOURCES_LISTED),
                "worst": g.worst,
            }
            for g in groups[:shown]
        ],
        "total": len(groups),
        "more": max(0, len(groups) - shown),
    }
