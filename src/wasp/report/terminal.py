"""The terminal summary: the eleven questions, the counts, and the top of the improvement plan."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from wasp.model import BPStatus, QuestionRisk, Review
from wasp.report.document import summary
from wasp.report.safe_text import safe

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
            f"{item.rank:>3}. [{style}]{item.risk.value.upper():6}[/] {safe(item.best_practice)} {safe(item.title)}{owner}"
        )
        examples = sorted(
            (findings[i] for i in item.findings if i in findings), key=lambda f: f.severity.rank
        )
        example = examples[0] if examples else None
        if example is not None:
            console.print(
                f"       e.g. {safe(example.resource.type)} {safe(example.resource.id)}: {safe(example.message)}"
            )
        else:
            console.print(f"       {safe(item.action)}")
        if item.remediation:
            rule, rem = item.remediation[0]
            console.print(f"       fix ({safe(rule)}): {safe(rem.cli)}", soft_wrap=False, overflow="ellipsis")
