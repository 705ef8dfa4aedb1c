"""`wasp waiver`: accepted risks kept in the database, every change recorded."""

from __future__ import annotations

import getpass
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from wasp.attest.waivers import load_waivers
from wasp.cli.console import err, out, plain, safe
from wasp.store import open_store
from wasp.store.waivers import put_waiver, remove_waiver, stored_waivers, waiver_events

DbOption = Annotated[
    str | None, typer.Option("--db", help="Database path or URL (default: WASP_DB or the user data dir)")
]
ActorOption = Annotated[str | None, typer.Option(help="Who makes the change (default: the OS user)")]
waiver_app = typer.Typer(help="Waivers: accepted risks, stored with an audit trail.", no_args_is_help=True)


def _actor(actor: str | None) -> str:
    return actor or getpass.getuser()


@waiver_app.command("import")
def waiver_import(
    file: Annotated[Path, typer.Argument(help="Waiver YAML (see docs/waivers.md)")],
    db: DbOption = None,
    actor: ActorOption = None,
) -> None:
    """Create or update the waivers in a YAML file; each change is recorded."""
    store = open_store(db)
    results = [(w.id, put_waiver(store, w, _actor(actor))) for w in load_waivers(file)]
    for wid, action in results:
        err.print(f"{safe(wid)}: {action}")


@waiver_app.command("list")
def waiver_list(db: DbOption = None) -> None:
    """Stored waivers; expired ones no longer apply and are marked."""
    today = datetime.now(UTC).date()
    table = Table(title="Waivers")
    for col in ("Id", "Scope", "Owner", "Expires", "Reason"):
        table.add_column(col)
    for w in stored_waivers(open_store(db)):
        expires = f"[red]{w.expires} (expired)[/]" if w.expires < today else str(w.expires)
        table.add_row(
            safe(w.id),
            safe(f"{w.rule} on {w.resource} {w.account}/{w.region} {dict(w.tags) or ''}"),
            safe(w.owner),
            expires,
            safe(w.reason),
        )
    out.print(table)


@waiver_app.command("remove")
def waiver_remove(
    waiver_id: Annotated[str, typer.Argument()], db: DbOption = None, actor: ActorOption = None
) -> None:
    """Remove a waiver (recorded)."""
    remove_waiver(open_store(db), waiver_id, _actor(actor))
    err.print(f"{safe(waiver_id)}: removed")


@waiver_app.command("log")
def waiver_log(waiver_id: Annotated[str | None, typer.Argument()] = None, db: DbOption = None) -> None:
    """The audit trail: who changed which waiver, when, from what to what."""
    for e in waiver_events(open_store(db), waiver_id):
        out.print(plain(f"{e['at'][:19]} {e['actor']} {e['action']} {e['waiver']}"), markup=False)
        if e["before"] and e["after"]:
            changed = {
                k: [e["before"][k], e["after"][k]] for k in e["after"] if e["before"].get(k) != e["after"][k]
            }
            out.print(f"    {plain(json.dumps(changed))}", markup=False)
