"""Stored reviews: milestones, show, history (the database is SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from wasp.cli.console import err, out, safe
from wasp.store import open_store

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database path or URL (default: WASP_DB or the user data dir)")
]
milestone_app = typer.Typer(help="Milestones: named points in a workload's history.", no_args_is_help=True)


@milestone_app.command("create")
def milestone_create(
    name: Annotated[str, typer.Argument(help="Milestone name, e.g. baseline-2026-11")],
    review: Annotated[str, typer.Option(help="Review id or 'latest'")] = "latest",
    db: DbOption = None,
) -> None:
    """Name a stored review (the latest by default) as a milestone."""
    created = open_store(db).create_milestone(name, review)
    err.print(
        f"milestone {safe(created['name'])} -> review {created['review']} ({safe(created['workload'])})"
    )


def milestones(db: DbOption = None) -> None:
    """List milestones with their risk counts."""
    table = Table(title="Milestones")
    for col in ("Name", "Workload", "Review", "Generated", "High-risk", "Medium-risk"):
        table.add_column(col)
    for m in open_store(db).milestones():
        table.add_row(
            safe(m["name"]),
            safe(m["workload"]),
            str(m["review"]),
            safe(m["generated_at"][:19]),
            str(m["high_risk_questions"]),
            str(m["medium_risk_questions"]),
        )
    out.print(table)


def show(
    ref: Annotated[str, typer.Argument(help="Review id, milestone name, or 'latest'")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the review JSON here")] = None,
    db: DbOption = None,
) -> None:
    """Show a stored review's summary (or write its JSON with -o, for `wasp report`)."""
    from wasp.report.document import SCHEMA

    review = open_store(db).load(ref)
    if output is not None:
        output.write_text(json.dumps(review, indent=2) + "\n", encoding="utf-8")
        err.print(f"wrote {safe(output)}")
        return
    s = review["summary"]
    out.print(
        f"[bold]{safe(review['workload'])}[/] {safe(review['generated_at'])} ({SCHEMA}): {s['high_risk_questions']} high-risk, "
        f"{s['medium_risk_questions']} medium-risk questions; best practices {safe(s['best_practices'])}; findings {safe(s['findings'])}"
    )
    for q in review["questions"]:
        out.print(f"  {safe(q['id'])} {safe(q['risk'])}{' (incomplete)' if q['incomplete'] else ''}")


def history(
    workload: Annotated[str | None, typer.Option(help="Only this workload")] = None,
    png: Annotated[Path | None, typer.Option(help="Also draw a PNG chart here")] = None,
    db: DbOption = None,
) -> None:
    """High- and medium-risk questions per review over time, and each question's risk."""
    from wasp.report.history_chart import QUESTIONS, history_png

    rows = open_store(db).reviews(workload)
    if not rows:
        err.print("no stored reviews yet: run `wasp review --save`")
        return
    table = Table(title=f"History{f' of {safe(workload)}' if workload else ''}")
    for col in ("Review", "Generated", "Milestone", "HRI", "MRI", *QUESTIONS):
        table.add_column(col)
    mark = {
        "high": "[red]H[/]",
        "medium": "[yellow]M[/]",
        "none": "[green]-[/]",
        "unanswered": "[dim]?[/]",
        "not_applicable": "[dim]n/a[/]",
    }
    for r in rows:
        table.add_row(
            str(r["id"]),
            safe(r["generated_at"][:16]),
            safe(r["milestone"] or ""),
            str(r["high_risk_questions"]),
            str(r["medium_risk_questions"]),
            *(mark.get(r["questions"].get(q, ""), "") for q in QUESTIONS),
        )
    out.print(table)
    if png is not None:
        history_png(rows, png, f"Security Pillar history{f': {workload}' if workload else ''}")
        err.print(f"wrote {safe(png)}")
