"""`wasp collect`: save the collected inventory as a snapshot for a later, offline review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from wasp.cli.options import command, path_type, scope_options, timeout_option, workload_argument
from wasp.cli.org_options import OrgFlags, org_options, print_accounts


@command("collect")
@workload_argument()
@click.option(
    "--output",
    "-o",
    type=path_type(dir_okay=False),
    default=Path("snapshot.json.gz"),
    show_default=True,
    metavar="FILE",
    help="Snapshot file (.json.gz)",
)
@scope_options
@timeout_option("recorded as a gap")
@org_options
def collect(
    workload_file: Path | None,
    output: Path,
    name: str | None,
    profile: str | None,
    regions: str | None,
    accounts: str | None,
    role_name: str | None,
    collectors: str | None,
    workers: int,
    timeout: float,
    **org: Any,
) -> None:
    """Collect (read-only) and save a snapshot for an offline review.

    The snapshot keeps the inventory, its gaps and the whole workload definition (with the waivers and
    attestations read now), for `wasp review --snapshot` with no credentials.
    """
    from wasp.cli.console import collection_progress, err, safe
    from wasp.cli.review_cmd import chosen_collectors, workload_from
    from wasp.snapshot import save_snapshot
    from wasp.workflow import collect_snapshot

    flags = OrgFlags(**org)
    wl = flags.apply(workload_from(workload_file, name, profile, regions, accounts, role_name, None))
    chosen = chosen_collectors(collectors)
    executor = flags.executor_for(workers)
    if wl.org or executor is not None:
        from wasp.cli.org_progress import org_progress

        with org_progress() as phases:
            snap, stats = collect_snapshot(
                wl, collectors=chosen, workers=workers, timeout=timeout, executor=executor, phases=phases
            )
    else:
        with collection_progress("collecting") as progress:
            snap, stats = collect_snapshot(
                wl,
                collectors=chosen,
                workers=workers,
                progress=progress,
                timeout=timeout,
            )
    inventory = snap.inventory
    path = save_snapshot(snap, output)
    err.print(
        f"wrote {safe(path)}: {len(inventory)} resources, {len(inventory.gaps)} gap(s), {stats.api_calls} API calls"
    )
    print_accounts(stats)
