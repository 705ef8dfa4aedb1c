"""`wasp compliance`: a UK framework's view of a saved review."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from wasp.catalogue.frameworks import load_frameworks
from wasp.cli.console import out, safe
from wasp.report.base import load_review
from wasp.report.compliance import compliance_view
from wasp.report.safe_text import md_cell


class FrameworkName(StrEnum):
    """The frameworks wasp maps to."""

    ncsc = "ncsc"
    cyber_essentials = "cyber-essentials"
    iso27001 = "iso27001"
    uk_gdpr = "uk-gdpr"
    fca_dora = "fca-dora"


class ViewFormat(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"
    md = "md"


STYLE = {"met": "green", "not_met": "red", "not_assessed": "yellow", "not_applicable": "dim"}


def compliance(
    review_file: Annotated[Path, typer.Argument(help="A review.json written by `wasp review`")],
    framework: Annotated[
        FrameworkName, typer.Option("--framework", "-F", help="Framework")
    ] = FrameworkName.ncsc,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="table, json or md")] = ViewFormat.table,
) -> None:
    """Show each control of a framework, the best practices mapped to it and their status."""
    view = compliance_view(load_review(review_file), load_frameworks()[framework.value])
    if fmt is ViewFormat.json:
        out.print_json(json.dumps(view))
        return
    s = view["summary"]
    headline = (
        f"{view['name']} ({view['version']}): {s['met']} met, {s['not_met']} not met, "
        f"{s['not_assessed']} not assessed, {s['not_applicable']} not applicable"
    )
    if fmt is ViewFormat.md:
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
        typer.echo("\n".join(lines))
        return
    table = Table(title=safe(headline), title_justify="left")
    for col in ("Control", "Status", "Best practices", "Met by evidence / attestation"):
        table.add_column(col)
    for c in view["controls"]:
        table.add_row(
            safe(f"{c['id']} {c['title']}"),
            f"[{STYLE[c['status']]}]{c['status']}[/]",
            " ".join(f"[{STYLE[b['status']]}]{safe(b['id'])}[/]" for b in c["best_practices"]),
            f"{c['met_by_evidence']} / {c['met_by_attestation']}",
        )
    out.print(table)
    out.print(f"[dim]{safe(view['note'])}[/]")
