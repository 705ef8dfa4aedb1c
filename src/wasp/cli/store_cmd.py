"""Stored reviews: milestones, show, history (the database is SQLite by default, PostgreSQL by URL)."""

from __future__ import annotations

from pathlib import Path

import click

from wasp.cli.options import command, db_option, format_option, path_type


@command("create")
@click.argument("name", metavar="NAME")
@click.option("--review", default="latest", show_default=True, metavar="REF", help="Review id or 'latest'")
@db_option()
def milestone_create(name: str, review: str, db: str | None) -> None:
    """Name a stored review as a milestone.

    NAME is e.g. baseline-2026-11; the review is the latest unless --review names one.
    """
    from wasp.cli.console import err, safe
    from wasp.store import open_store

    created = open_store(db).create_milestone(name, review)
    err.print(
        f"milestone {safe(created['name'])} -> review {created['review']} ({safe(created['workload'])})"
    )


@command("milestones")
@format_option(("table", "json"), "table")
@db_option()
def milestones(fmt: str, db: str | None) -> None:
    """List milestones with their risk counts."""
    from rich.table import Table

    from wasp.cli.console import emit_json, id_column, out, plain, safe
    from wasp.store import open_store

    found = open_store(db).milestones()
    if fmt == "json":
        emit_json(found)
        return
    table = Table(title="Milestones")
    id_column(table, "Name", [plain(m["name"]) for m in found])
    table.add_column("Workload", overflow="fold", ratio=1)
    id_column(table, "Review", [str(m["review"]) for m in found])
    for col in ("Generated", "High-risk", "Medium-risk"):
        table.add_column(col, overflow="fold")
    for m in found:
        table.add_row(
            safe(m["name"]),
            safe(m["workload"]),
            str(m["review"]),
            safe(m["generated_at"][:19].replace("T", " ")),
            str(m["high_risk_questions"]),
            str(m["medium_risk_questions"]),
        )
    out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut


@command("show")
@click.argument("ref", metavar="REF")
@click.option(
    "--output", "-o", type=path_type(dir_okay=False), metavar="FILE", help="Write the review JSON here"
)
@format_option(("text", "json"), "text")
@db_option()
def show(ref: str, output: Path | None, fmt: str, db: str | None) -> None:
    """Show a stored review's summary, or its whole JSON.

    REF is a review id, a milestone name or 'latest'. `-o FILE` writes the review JSON for `wasp report`;
    `-f json` prints it.
    """
    import json

    from wasp.cli.console import emit_json, err, out, safe
    from wasp.store import open_store

    review = open_store(db).load(ref)
    if output is not None:
        output.write_text(json.dumps(review, indent=2) + "\n", encoding="utf-8")
        err.print(f"wrote {safe(output)}")
        return
    if fmt == "json":
        emit_json(review)
        return
    s = review["summary"]
    out.print(
        f"[bold]{safe(review['workload'])}[/] {safe(review['generated_at'])} ({safe(review['schema'])}): {s['high_risk_questions']} high-risk, "
        f"{s['medium_risk_questions']} medium-risk questions; best practices {safe(s['best_practices'])}; findings {safe(s['findings'])}"
    )
    for q in review["questions"]:
        out.print(f"  {safe(q['id'])} {safe(q['risk'])}{' (incomplete)' if q['incomplete'] else ''}")
    org = review.get("organisation")
    if org and org["accounts"] >= 2:
        out.print(
            f"  {org['accounts']} accounts: {org['high_risk_accounts']} with high-risk questions, "
            f"{org['medium_risk_accounts']} with medium-risk questions"
        )


@command("history")
@click.option("--workload", metavar="NAME", help="Only this workload")
@click.option("--png", type=path_type(dir_okay=False), metavar="FILE", help="Also draw a PNG chart here")
@format_option(("table", "json"), "table")
@db_option()
def history(workload: str | None, png: Path | None, fmt: str, db: str | None) -> None:
    """High- and medium-risk questions per stored review over time.

    And each question's risk in each review: one mark per question SEC01..SEC11 (H high, M medium, - none,
    ? unanswered, n not applicable). `-f json` gives every field of every stored review.
    """
    from rich.table import Table

    from wasp.cli.console import emit_json, err, id_column, out, plain, safe
    from wasp.report.history_chart import QUESTIONS, history_png
    from wasp.store import open_store

    rows = open_store(db).reviews(workload)
    if fmt == "json":
        emit_json(rows)
    elif not rows:
        err.print("no stored reviews yet: run `wasp review --save`")
        return
    else:
        out.print(f"[bold]History{f' of {safe(workload)}' if workload else ''}[/]", soft_wrap=True)
        table = Table(
            caption="Questions SEC01..SEC11, one mark each: H high, M medium, - none, ? unanswered, n not applicable"
        )
        id_column(table, "Review", [str(r["id"]) for r in rows])
        table.add_column("Generated", overflow="fold")
        table.add_column("HRI", overflow="fold")
        table.add_column("MRI", overflow="fold")
        table.add_column("SEC01..11", overflow="fold")
        id_column(table, "Milestone", [plain(r["milestone"] or "") for r in rows])
        mark = {
            "high": "[red]H[/]",
            "medium": "[yellow]M[/]",
            "none": "[green]-[/]",
            "unanswered": "[dim]?[/]",
            "not_applicable": "[dim]n[/]",
        }
        for r in rows:
            table.add_row(
                str(r["id"]),
                safe(r["generated_at"][:16].replace("T", " ")),
                str(r["high_risk_questions"]),
                str(r["medium_risk_questions"]),
                "".join(mark.get(r["questions"].get(q, ""), " ") for q in QUESTIONS),
                safe(r["milestone"] or ""),
            )
        out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut
    if png is not None and rows:
        history_png(rows, png, f"Security Pillar history{f': {workload}' if workload else ''}")
        err.print(f"wrote {safe(png)}")
