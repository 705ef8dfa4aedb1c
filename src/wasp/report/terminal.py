"""The terminal summary: the eleven questions, the counts, and the top of the improvement plan.

Each plan item lists its findings rule by rule, each rule with its own fix (see plan_view); every text from
the review is escaped (see safe_text).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.table import Table

from wasp.model import BPStatus, Finding, PlanItem, QuestionRisk, Review
from wasp.report.document import summary
from wasp.report.plan_view import RuleGroup, rule_groups
from wasp.report.safe_text import safe
from wasp.report.terminal_accounts import print_accounts, print_item_accounts

_RISK_STYLE = {
    QuestionRisk.HIGH: "bold red",
    QuestionRisk.MEDIUM: "yellow",
    QuestionRisk.NONE: "green",
    QuestionRisk.UNANSWERED: "dim",
    QuestionRisk.NOT_APPLICABLE: "dim",
}


def print_summary(review: Review, console: Console, plan_items: int = 8) -> None:
    """Print the questions table, the counts and the first plan items (review text escaped: see safe_text)."""
    s = summary(review)
    table = Table(title=f"wasp review: {safe(review.workload)}", title_justify="left")
    for col, kw in (
        ("Question", {}),
        ("Risk", {}),
        ("Complete", {}),
        ("Met", {"justify": "right"}),
        ("Not met", {"justify": "right"}),
        ("N/A", {"justify": "right"}),
        ("Not assessed", {"justify": "right"}),
    ):
        table.add_column(col, **kw)  # type: ignore[arg-type]
    for q in review.questions:
        counts = {st: sum(bp.status is st for bp in q.best_practices) for st in BPStatus}
        table.add_row(
            f"{safe(q.id)} {safe(q.title[:60])}",
            f"[{_RISK_STYLE[q.risk]}]{q.risk.value}[/]",
            "[dim]incomplete[/]" if q.incomplete else "yes",
            str(counts[BPStatus.MET]),
            str(counts[BPStatus.NOT_MET]),
            str(counts[BPStatus.NOT_APPLICABLE]),
            str(counts[BPStatus.NOT_ASSESSED]),
        )
    console.print(table)
    bp = s["best_practices"]
    f = s["findings"]
    console.print(
        f"[bold]{s['high_risk_questions']}[/] high-risk and [bold]{s['medium_risk_questions']}[/] medium-risk "
        f"questions; best practices: {bp['met']} met, {bp['not_met']} not met, {bp['not_applicable']} not "
        f"applicable, {bp['not_assessed']} not assessed; findings: {f['fail']} fail, {f['pass']} pass, "
        f"{f['unknown']} unknown, {f['waived']} waived; {s['gaps']} collection gap(s)."
    )
    if s["contradicted_attestations"] or s["expired_attestations"]:
        console.print(
            f"[yellow]{s['contradicted_attestations']} attestation(s) contradicted by evidence, "
            f"{s['expired_attestations']} expired.[/]"
        )
    print_accounts(review, console)
    if not review.plan:
        console.print("[green]Improvement plan: nothing to fix.[/]")
        return
    findings = {x.id: x for x in review.findings}
    console.print(
        f"\n[bold]Improvement plan[/] (first {min(plan_items, len(review.plan))} of {len(review.plan)}):"
    )
    for item in review.plan[:plan_items]:
        style = "red" if item.risk.value == "high" else "yellow" if item.risk.value == "medium" else "cyan"
        owner = f" owner: {safe(item.owner)}" if item.owner else ""
        console.print(
            f"{item.rank:>3}. [{style}]{item.risk.value.upper():6}[/] {safe(item.best_practice)} "
            f"{safe(item.title)}{owner}"
        )
        groups = rule_groups(
            _item_doc(item), {i: _finding_doc(findings[i]) for i in item.findings if i in findings}
        )
        if not any(g.findings for g in groups):
            console.print(f"       {safe(item.action)}")
        for group in groups[:RULES_SHOWN]:
            _print_group(group, console)
        if len(groups) > RULES_SHOWN:
            console.print(
                f"       [dim]... and {len(groups) - RULES_SHOWN} more rule(s): see the full report[/]"
            )
        if len(review.accounts) >= 2:
            print_item_accounts(item, findings, console)


RULES_SHOWN = 3
"""Rules shown per plan item in the terminal (each with one example finding and its own fix)."""


def _print_group(group: RuleGroup, console: Console) -> None:
    """One rule of a plan item: how many findings, the worst one, and this rule's fix beneath it."""
    if group.findings:
        f = group.findings[0]
        more = f" (+{group.count - 1} more)" if group.count > 1 else ""
        service = f" [cyan]from {safe(group.service)}[/]" if group.service else ""
        console.print(
            f"       [bold]{safe(group.rule)}[/]{service} {safe(f['severity'])}: {safe(f['resource']['type'])} "
            f"{safe(f['resource']['id'])}: {safe(f['message'])}{more}"
        )
    else:
        console.print(f"       [bold]{safe(group.rule)}[/]")
    if group.remediation:
        console.print(f"         fix: {safe(group.remediation['cli'])}", soft_wrap=True)


def _item_doc(item: PlanItem) -> dict[str, Any]:
    """The parts of a plan item :func:`rule_groups` reads, in the review document's shape."""
    return {
        "findings": item.findings,
        "remediation": [{"rule": rule, **asdict(rem)} for rule, rem in item.remediation],
    }


def _finding_doc(f: Finding) -> dict[str, Any]:
    """The parts of a finding the terminal prints, in the review document's shape."""
    return {
        "id": f.id,
        "rule": f.rule,
        "severity": f.severity.value,
        "resource": {"type": f.resource.type, "id": f.resource.id},
        "message": f.message,
        "source": f.source,
    }
