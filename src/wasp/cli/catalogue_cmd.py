"""`wasp catalogue`: print the Security Pillar catalogue."""

from __future__ import annotations

import json
from dataclasses import asdict
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from wasp.catalogue import load_catalogue
from wasp.cli.console import out


class CatalogueFormat(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"


def catalogue_dict() -> dict[str, Any]:
    """The catalogue as JSON-ready data."""
    cat = load_catalogue()
    return {
        "version": cat.version,
        "as_of": cat.as_of,
        "source": cat.source,
        "areas": [asdict(a) for a in cat.areas],
        "design_principles": [asdict(p) for p in cat.principles],
        "questions": [
            {**asdict(q), "best_practices": [asdict(cat.practice(b)) for b in q.best_practices]}
            for q in cat.questions
        ],
    }


def catalogue(
    fmt: Annotated[
        CatalogueFormat, typer.Option("--format", "-f", help="table or json")
    ] = CatalogueFormat.table,
) -> None:
    """Print the 11 questions and 63 best practices with risk and evidence mode."""
    if fmt is CatalogueFormat.json:
        out.print_json(json.dumps(catalogue_dict()))
        return
    cat = load_catalogue()
    table = Table(title=f"AWS Well-Architected Security Pillar (catalogue {cat.version}, as of {cat.as_of})")
    for col in ("Id", "Best practice", "Risk", "Evidence", "Tool choice id"):
        table.add_column(col)
    for q in cat.questions:
        table.add_row(f"[bold]{q.id}[/]", f"[bold]{q.title}[/]", "", "", q.wa_id, end_section=False)
        for bp_id in q.best_practices:
            bp = cat.practice(bp_id)
            table.add_row(bp.id, bp.title, bp.risk.value, bp.evidence_mode.value, bp.choice_id)
        table.add_section()
    out.print(table)
    n = len(cat.best_practices)
    risks = {r: sum(bp.risk.value == r for bp in cat.best_practices) for r in ("high", "medium", "low")}
    out.print(
        f"{len(cat.questions)} questions, {n} best practices "
        f"({risks['high']} high, {risks['medium']} medium, {risks['low']} low risk)"
    )
