"""What changed account by account between two reviews of several accounts (wasp.review/2 ``accounts``).

For each best practice: in how many accounts it improved (not met -> met or not applicable) and regressed (met or
not applicable -> not met), and the accounts; a change to or from "not assessed" is neither (what could not be
checked is not a verdict) and is counted as unclear. For each question: in how many accounts its risk got better
or worse. Per account: every practice and question that changed. Accounts only in one of the reviews are listed
as added or removed, not compared.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

GOOD = ("met", "not_applicable")
RISK_RANK = {"high": 0, "medium": 1, "none": 2, "not_applicable": 2}
"""Question risks that can be ordered; ``unanswered`` cannot (a change to or from it is unclear)."""


def practice_direction(before: str, after: str) -> str:
    """``improved``, ``regressed`` or ``unclear`` for a practice whose status changed."""
    if before == "not_met" and after in GOOD:
        return "improved"
    if before in GOOD and after == "not_met":
        return "regressed"
    return "unclear"


def question_direction(before: str, after: str) -> str:
    """``better``, ``worse`` or ``unclear`` for a question whose risk changed."""
    if before not in RISK_RANK or after not in RISK_RANK or RISK_RANK[before] == RISK_RANK[after]:
        return "unclear"
    return "better" if RISK_RANK[after] > RISK_RANK[before] else "worse"


def _accounts(review: Mapping[str, Any]) -> dict[str, Mapping[str, Any]] | None:
    accounts = review.get("accounts")
    return None if accounts is None else {a["id"]: a for a in accounts}


def _titles(review: Mapping[str, Any]) -> dict[str, str]:
    return {bp["id"]: bp["title"] for q in review["questions"] for bp in q["best_practices"]}


def diff_accounts(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any] | None:
    """The per-account changes, or None when either review has no per-account results (wasp.review/1)."""
    old, new = _accounts(before), _accounts(after)
    if old is None or new is None:
        return None
    both = sorted(set(old) & set(new))
    titles = _titles(after)
    per_bp: dict[str, dict[str, list[str]]] = {}
    per_q: dict[str, dict[str, int]] = {}
    changes: list[dict[str, Any]] = []
    for account in both:
        a, b = old[account], new[account]
        bps = []
        for bp_id, status in sorted(b["best_practices"].items()):
            was = a["best_practices"].get(bp_id)
            if was is None or was == status:
                continue
            direction = practice_direction(was, status)
            per_bp.setdefault(bp_id, {"improved": [], "regressed": [], "unclear": []})[direction].append(
                account
            )
            bps.append({"id": bp_id, "before": was, "after": status, "direction": direction})
        risks_before = {q["id"]: q["risk"] for q in a["questions"]}
        qs = []
        for q in b["questions"]:
            was = risks_before.get(q["id"])
            if was is None or was == q["risk"]:
                continue
            direction = question_direction(was, q["risk"])
            counts = per_q.setdefault(q["id"], {"better": 0, "worse": 0, "unclear": 0})
            counts[direction] += 1
            qs.append({"id": q["id"], "before": was, "after": q["risk"], "direction": direction})
        if bps or qs:
            changes.append({"account": account, "questions": qs, "best_practices": bps})
    return {
        "compared": len(both),
        "added": sorted(set(new) - set(old)),
        "removed": sorted(set(old) - set(new)),
        "best_practices": [
            {
                "id": bp_id,
                "title": titles.get(bp_id, ""),
                "improved": len(c["improved"]),
                "regressed": len(c["regressed"]),
                "unclear": len(c["unclear"]),
                "improved_accounts": c["improved"],
                "regressed_accounts": c["regressed"],
            }
            for bp_id, c in sorted(per_bp.items())
        ],
        "questions": [{"id": qid, **c} for qid, c in sorted(per_q.items())],
        "changes": changes,
    }


def _n(count: int) -> str:
    return f"{count} account{'s' if count != 1 else ''}"


def account_lines(accounts: Mapping[str, Any] | None, shown: int = 50) -> list[str]:
    """The per-account part of `wasp diff`'s text: one line per practice that changed in some account (nothing
    when either review has no per-account results, or both cover the same single account)."""
    if accounts is None or (accounts["compared"] < 2 and not accounts["added"] and not accounts["removed"]):
        return []
    lines = [
        f"  per account: {_n(accounts['compared'])} compared, {len(accounts['added'])} added, "
        f"{len(accounts['removed'])} removed"
    ]
    practices: Sequence[Mapping[str, Any]] = accounts["best_practices"]
    for bp in practices[:shown]:
        parts = [f"improved in {_n(bp['improved'])}", f"regressed in {_n(bp['regressed'])}"]
        if bp["unclear"]:
            parts.append(f"to or from not assessed in {_n(bp['unclear'])}")
        lines.append(f"  {bp['id']} {', '.join(parts)}")
    if len(practices) > shown:
        lines.append(f"  ... and {len(practices) - shown} more best practice(s): see --format json")
    return lines
