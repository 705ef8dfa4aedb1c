"""`wasp compliance`: a UK framework's view of a saved review."""

from __future__ import annotations

from pathlib import Path

import click

from wasp.cli.options import command, format_option, path_type

FRAMEWORKS = ("ncsc", "cyber-essentials", "iso27001", "uk-gdpr", "fca-dora")
"""The frameworks wasp maps to (the ids in wasp/catalogue/frameworks/*.yaml; a test keeps them in step)."""

STYLE = {"met": "green", "not_met": "red", "not_assessed": "yellow", "not_applicable": "dim"}


@command("compliance")
@click.argument("review_file", metavar="REVIEW_FILE", type=path_type(dir_okay=False))
@click.option(
    "--framework",
    "-F",
    type=click.Choice(FRAMEWORKS),
    default="ncsc",
    show_default=True,
    metavar="FRAMEWORK",
    help=f"Framework: {', '.join(FRAMEWORKS)}",
)
@format_option(("table", "json", "md"), "table")
def compliance(review_file: Path, framework: str, fmt: str) -> None:
    """A UK framework's controls and their status for a review.

    Each control of the framework, the best practices mapped to it and their status in REVIEW_FILE (a
    review.json written by `wasp review`).
    """
    import json

    from rich.table import Table

    from wasp.catalogue.frameworks import load_frameworks
    from wasp.cli.console import out, safe
    from wasp.report.base import load_review
    from wasp.report.compliance import compliance_view
    from wasp.report.safe_text import md_cell

    view = compliance_view(load_review(review_file), load_frameworks()[framework])
    if fmt == "json":
        out.print_json(json.dumps(view))
        return
    s = view["summary"]
    headline = (
        f"{view['name']} ({view['version']}): {s['met']} met, {s['not_met']} not met, "
        f"{s['not_assessed']} not assessed, {s['not_applicable']} not applicable"
    )
    if fmt == "md":
        lines = [
            f"# {md_cell(headline)}",
            "",
            md_cell(view["note"]),
            "",
            "| Control | Status | Best practices | Met by evidence / attestation | Rationale |",
            "|---|---|---|---|---|",
        ]
        for c in view["controls"]:
            bps = ", ".join(f"{b['id']} ({b['status']})" for b in c["best_practices"])
            lines.append(
                f"| {md_cell(c['id'])} {md_cell(c['title'])} | {md_cell(c['status'])} | {md_cell(bps)} | "
                f"{c['met_by_evidence']} / {c['met_by_attestation']} | {md_cell(c['rationale'])} |"
            )
        click.echo("\n".join(lines))
        return
    table = Table(title=safe(headline), title_justify="left")
    table.add_column("Control", overflow="fold")
    table.add_column("Status")
    table.add_column("Best practices", overflow="fold", min_width=10)
    table.add_column("Met by evidence / attestation")
    for c in view["controls"]:
        table.add_row(
            safe(f"{c['id']} {c['title']}"),
            f"[{STYLE[c['status']]}]{c['status']}[/]",
            " ".join(f"[{STYLE[b['status']]}]{safe(b['id'])}[/]" for b in c["best_practices"]),
            f"{c['met_by_evidence']} / {c['met_by_attestation']}",
        )
    out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut
    out.print(f"[dim]{safe(view['note'])}[/]")
