"""`wasp catalogue`: print the Security Pillar catalogue."""

from __future__ import annotations

from typing import Any

from wasp.cli.options import command, format_option


def catalogue_dict() -> dict[str, Any]:
    """The catalogue as JSON-ready data."""
    from dataclasses import asdict

    from wasp.catalogue import load_catalogue

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


@command("catalogue")
@format_option(("table", "json"), "table")
def catalogue(fmt: str) -> None:
    """The Security Pillar: 11 questions and 63 best practices.

    Each best practice with its risk, evidence mode and Well-Architected Tool choice id.
    """
    import json

    from rich.table import Table

    from wasp.catalogue import load_catalogue
    from wasp.cli.console import id_column, out

    if fmt == "json":
        out.print_json(json.dumps(catalogue_dict()))
        return
    cat = load_catalogue()
    table = Table(title=f"AWS Well-Architected Security Pillar (catalogue {cat.version}, as of {cat.as_of})")
    id_column(table, "Id", [bp.id for bp in cat.best_practices])
    table.add_column("Best practice", overflow="fold", ratio=1)
    for col in ("Risk", "Evidence"):
        table.add_column(col, overflow="fold")
    id_column(table, "Tool choice id", [bp.choice_id for bp in cat.best_practices])
    for q in cat.questions:
        table.add_row(f"[bold]{q.id}[/]", f"[bold]{q.title}[/]", "", "", q.wa_id, end_section=False)
        for bp_id in q.best_practices:
            bp = cat.practice(bp_id)
            table.add_row(bp.id, bp.title, bp.risk.value, bp.evidence_mode.value, bp.choice_id)
        table.add_section()
    out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut
    n = len(cat.best_practices)
    risks = {r: sum(bp.risk.value == r for bp in cat.best_practices) for r in ("high", "medium", "low")}
    out.print(
        f"{len(cat.questions)} questions, {n} best practices "
        f"({risks['high']} high, {risks['medium']} medium, {risks['low']} low risk)"
    )
