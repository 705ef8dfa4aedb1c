"""`wasp waiver`: accepted risks kept in the database, every change recorded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from wasp.cli.options import command, db_option, format_option, path_type

F = TypeVar("F", bound=Callable[..., Any])


def actor_option() -> Callable[[F], F]:
    """--actor NAME: who makes the change."""
    return click.option("--actor", metavar="NAME", help="Who makes the change (default: the OS user)")


def _actor(actor: str | None) -> str:
    import getpass

    return actor or getpass.getuser()


@command("import")
@click.argument("file", metavar="FILE", type=path_type(dir_okay=False))
@db_option()
@actor_option()
def waiver_import(file: Path, db: str | None, actor: str | None) -> None:
    """Create or update the waivers in a YAML file.

    FILE is a waiver file (see docs/waivers.md); each waiver's rule must name a wasp rule (a glob must match
    one). Every change is recorded.
    """
    from wasp.attest.waivers import load_waivers
    from wasp.cli.checks import check_waiver_file
    from wasp.cli.console import err, safe
    from wasp.store import open_store
    from wasp.store.waivers import put_waiver

    check_waiver_file(str(file))
    store = open_store(db)
    results = [(w.id, put_waiver(store, w, _actor(actor))) for w in load_waivers(file)]
    for wid, action in results:
        err.print(f"{safe(wid)}: {action}")


@command("list")
@format_option(("table", "json"), "table")
@db_option()
def waiver_list(fmt: str, db: str | None) -> None:
    """Stored waivers; expired ones are marked.

    An expired waiver no longer applies. `-f json` lists every field of every waiver.
    """
    from datetime import UTC, datetime

    from rich.table import Table

    from wasp.cli.console import emit_json, id_column, out, plain, safe
    from wasp.store import open_store
    from wasp.store.waivers import stored_waivers

    today = datetime.now(UTC).date()
    found = stored_waivers(open_store(db))
    if fmt == "json":
        emit_json(
            [
                {
                    "id": w.id,
                    "rule": w.rule,
                    "resource": w.resource,
                    "account": w.account,
                    "region": w.region,
                    "tags": dict(w.tags),
                    "owner": w.owner,
                    "reason": w.reason,
                    "expires": w.expires.isoformat(),
                    "expired": w.expires < today,
                }
                for w in found
            ]
        )
        return
    table = Table(title="Waivers")
    id_column(table, "Id", [plain(w.id) for w in found])
    table.add_column("Scope", overflow="fold", ratio=2)
    table.add_column("Owner", overflow="fold", ratio=1)
    table.add_column("Expires", overflow="fold")
    table.add_column("Reason", overflow="fold", ratio=2)
    for w in found:
        expires = f"[red]{w.expires} (expired)[/]" if w.expires < today else str(w.expires)
        table.add_row(
            safe(w.id),
            safe(f"{w.rule} on {w.resource} {w.account}/{w.region} {dict(w.tags) or ''}"),
            safe(w.owner),
            expires,
            safe(w.reason),
        )
    out.print(table, crop=False)  # a table wider than the terminal wraps; nothing is cut


@command("remove")
@click.argument("waiver_id", metavar="WAIVER_ID")
@db_option()
@actor_option()
def waiver_remove(waiver_id: str, db: str | None, actor: str | None) -> None:
    """Remove a waiver (recorded)."""
    from wasp.cli.console import err, safe
    from wasp.store import open_store
    from wasp.store.waivers import remove_waiver

    remove_waiver(open_store(db), waiver_id, _actor(actor))
    err.print(f"{safe(waiver_id)}: removed")


@command("log")
@click.argument("waiver_id", metavar="[WAIVER_ID]", required=False)
@db_option()
def waiver_log(waiver_id: str | None, db: str | None) -> None:
    """The audit trail: who changed which waiver, when, how.

    From what to what, for every waiver or the one named.
    """
    import json

    from wasp.cli.console import out, plain
    from wasp.store import open_store
    from wasp.store.waivers import waiver_events

    for e in waiver_events(open_store(db), waiver_id):
        out.print(plain(f"{e['at'][:19]} {e['actor']} {e['action']} {e['waiver']}"), markup=False)
        if e["before"] and e["after"]:
            changed = {
                k: [e["before"][k], e["after"][k]] for k in e["after"] if e["before"].get(k) != e["after"][k]
            }
            out.print(f"    {plain(json.dumps(changed))}", markup=False)
