"""`wasp rules`: list the rules with their best practices."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from wasp.catalogue import load_catalogue
from wasp.cli.console import out
from wasp.report.rules_doc import rules_markdown
from wasp.rules import load_rules


class RulesFormat(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"
    md = "md"


def rules(
    fmt: Annotated[RulesFormat, typer.Option("--format", "-f", help="table, json or md")] = RulesFormat.table,
    practice: Annotated[str | None, typer.Option(help="Only rules evidencing this best practice")] = None,
) -> None:
    """List every rule: id, title, severity, best practices, resource types."""
    selected = tuple(r for r in load_rules() if practice is None or practice in r.meta.best_practices)
    if fmt is RulesFormat.md:
        typer.echo(rules_markdown(selected, load_catalogue()))
    elif fmt is RulesFormat.json:
        out.print_json(
            json.dumps([{"id": r.id, **asdict(r.meta), "severity": r.meta.severity.value} for r in selected])
        )
    else:
        table = Table(title=f"{len(selected)} rules")
        for col in ("Rule", "Title", "Best practices", "Severity", "Resource type"):
            table.add_column(col)
        for r in selected:
            table.add_row(
                r.id,
                r.meta.title,
                ", ".join(r.meta.best_practices),
                r.meta.severity.value,
                r.meta.resource_type,
            )
        out.print(table)
