"""`wasp collect`: save the collected inventory as a snapshot for a later, offline review."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wasp.cli.console import collection_progress, err, safe
from wasp.cli.options import csv_list
from wasp.cli.review_cmd import workload_from
from wasp.snapshot import save_snapshot


def collect(
    workload_file: Annotated[Path | None, typer.Argument(help="Workload file (see `wasp init`)")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Snapshot file (.json.gz)")] = Path(
        "snapshot.json.gz"
    ),
    name: Annotated[str | None, typer.Option(help="Workload name (overrides the file)")] = None,
    profile: Annotated[str | None, typer.Option(help="AWS profile")] = None,
    regions: Annotated[str | None, typer.Option(help="Comma-separated regions")] = None,
    accounts: Annotated[str | None, typer.Option(help="Comma-separated account ids")] = None,
    role_name: Annotated[str | None, typer.Option(help="Read-only role to assume in each account")] = None,
    collectors: Annotated[str | None, typer.Option(help="Only these collectors (comma-separated)")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Parallel collection tasks")] = 8,
    timeout: Annotated[
        float,
        typer.Option(
            min=1,
            help="Seconds the whole collection may take; what is unfinished then is recorded as a gap",
        ),
    ] = 900,
) -> None:
    """Collect (read-only) and save the inventory, with its gaps, for `wasp review --snapshot`."""
    from wasp.workflow import collect_snapshot

    wl = workload_from(workload_file, name, profile, regions, accounts, role_name, None)
    with collection_progress("collecting") as progress:
        snap, stats = collect_snapshot(
            wl,
            collectors=list(csv_list(collectors)) or None,
            workers=workers,
            progress=progress,
            timeout=timeout,
        )
    inventory = snap.inventory
    path = save_snapshot(snap, output)
    err.print(
        f"wrote {safe(path)}: {len(inventory)} resources, {len(inventory.gaps)} gap(s), {stats.api_calls} API calls"
    )
