"""`wasp rules`: list the rules with their best practices."""

from __future__ import annotations

import click

from wasp.cli.options import command, format_option


@command("rules")
@format_option(("table", "json", "md"), "table")
@click.option("--practice", metavar="BP_ID", help="Only rules evidencing this best practice, e.g. SEC03-BP02")
def rules(fmt: str, practice: str | None) -> None:
    """Every rule: id, title, severity, best practices, resource type.

    The ids are what `--rule`, waivers and inline skips name. `-f json` lists every rule's whole metadata.
    """
    import json
    from dataclasses import asdict

    from rich.table import Table

    from wasp.catalogue import load_catalogue
    from wasp.cli.checks import check_practices
    from wasp.cli.console import id_column, out
    from wasp.report.rules_doc import rules_markdown
    from wasp.rules import load_rules
    from wasp.workflow import live_rules

    if practice is not None:
        check_practices([practice], "--practice")
    selected = tuple(r for r in load_rules() if practice is None or practice in r.meta.best_practices)
    live = frozenset(r.id for r in live_rules())
    if fmt == "md":
        click.echo(rules_markdown(selected, load_catalogue(), live))
    elif fmt == "json":
        out.print_json(
            json.dumps(
                [
                    {"id": r.id, **asdict(r.meta), "severity": r.meta.severity.value, "live": r.id in live}
                    for r in selected
                ]
            )
        )
    else:
        table = Table(title=f"{len(selected)} rules")
        id_column(table, "Rule", [r.id for r in selected])
        table.add_column("Title", overflow="fold", ratio=2)
        table.add_column("Best practices", overflow="fold", ratio=1)
        table.add_column("Severity", overflow="fold")
        table.add_column("Resource type", overflow="fold", ratio=1)
        for r in selected:
            table.add_row(
                r.id,
                r.meta.title,
                ", ".join(r.meta.best_practices),
                r.meta.severity.value,
                r.meta.resource_type,
            )
        out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut
