"""The terminal's view of a review of several accounts: the worst accounts' question risks, and each plan item's
resources by account. Account names come from the organisation (untrusted): every text is escaped (safe_text)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console
from rich.table import Table

from wasp.model import Finding, PlanItem, QuestionRisk, Review
from wasp.model.account_result import AccountResult
from wasp.report.accounts_doc import NO_OU
from wasp.report.plan_view import account_groups
from wasp.report.safe_text import safe

TOP_ACCOUNTS = 10
"""Accounts shown in the terminal, worst first; the HTML report and the JSON hold every one."""

ACCOUNTS_PER_ITEM = 5
"""Accounts listed under a plan item in the terminal; the rest are counted."""

CELL = {
    QuestionRisk.HIGH: "[bold red]H[/]",
    QuestionRisk.MEDIUM: "[yellow]M[/]",
    QuestionRisk.NONE: "[green]·[/]",
    QuestionRisk.UNANSWERED: "[dim]?[/]",
    QuestionRisk.NOT_APPLICABLE: "[dim]-[/]",
}
"""One character per question: H high, M medium, · none, ? not assessed (unanswered), - not applicable."""


def _label(a: AccountResult) -> str:
    return f"{safe(a.account)} {safe(a.name)}" if a.name else safe(a.account)


def print_accounts(review: Review, console: Console, top: int = TOP_ACCOUNTS) -> None:
    """The worst ``top`` accounts (when the review covers two or more): counts and a risk per question."""
    accounts = review.accounts
    if len(accounts) < 2:
        return
    high = sum(a.count(QuestionRisk.HIGH) > 0 for a in accounts)
    medium = sum(a.count(QuestionRisk.MEDIUM) > 0 for a in accounts)
    shown = accounts[:top]
    table = Table(
        title=f"Accounts, worst first ({len(shown)} of {len(accounts)})",
        title_justify="left",
        caption="H high · M medium · · none · ? not assessed · - not applicable",
        caption_justify="left",
    )
    table.add_column("Account")
    table.add_column("OU")
    for col in ("High", "Medium", "Not assessed"):
        table.add_column(col, justify="right")
    question_ids = [q.id for q in review.questions]
    for qid in question_ids:
        table.add_column(qid.removeprefix("SEC"), justify="center")
    for a in shown:
        risks = {q.id: q.risk for q in a.questions}
        table.add_row(
            _label(a),
            safe(a.ou) if a.ou else f"[dim]{NO_OU}[/]",
            str(a.count(QuestionRisk.HIGH)),
            str(a.count(QuestionRisk.MEDIUM)),
            str(a.count(QuestionRisk.UNANSWERED)),
            *(CELL[risks[qid]] if qid in risks else "" for qid in question_ids),
        )
    console.print(table)
    console.print(
        f"{len(accounts)} accounts reviewed: [bold]{high}[/] with high-risk questions, [bold]{medium}[/] with "
        "medium-risk questions (every account is in the HTML report and review.json)."
    )


def print_item_accounts(
    item: PlanItem, findings: Mapping[str, Finding], console: Console, shown: int = ACCOUNTS_PER_ITEM
) -> None:
    """One line naming the accounts a plan item's resources are in, most resources first."""
    docs = {
        fid: {
            "severity": f.severity.value,
            "resource": {"account": f.resource.account, "arn": f.resource.arn, "id": f.resource.id},
        }
        for fid in item.findings
        if (f := findings.get(fid)) is not None
    }
    groups = account_groups({"findings": item.findings}, docs)
    if not groups:
        return
    parts = [f"{safe(g.account)} ({len(g.resources)})" for g in groups[:shown]]
    more = f" and {len(groups) - shown} more account(s)" if len(groups) > shown else ""
    console.print(f"       [dim]accounts (resources):[/] {', '.join(parts)}{more}", soft_wrap=True)
