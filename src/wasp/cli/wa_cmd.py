"""`wasp wa export|import|list`: round trip with the AWS Well-Architected Tool.

Imports click and wasp.cli.options only: `wasp wa --help` loads no AWS SDK (the work is in wasp.wa, imported
inside each command).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wasp.cli.options import ACCOUNTS, EXIT_CODES, REGIONS, csv_list, path_type

if TYPE_CHECKING:
    from wasp.wa.client import Tool

F = TypeVar("F", bound=Callable[..., Any])

EXPORT_EXIT_CODES = (
    "Exit codes: 0 ok, 1 the Tool's risk for a question disagrees with wasp's (each is named), "
    "2 usage or input error."
)


@click.group("wa", epilog=EXIT_CODES, no_args_is_help=True)
def wa() -> None:
    """Round trip with the AWS Well-Architected Tool: export, import, list.

    export writes a review's Security Pillar answers to a Tool workload, import turns people's answers there into
    an attestation file, list shows the workloads and milestones the caller can see.
    """


def tool_options(f: F) -> F:
    """--region and --profile for the Tool's client."""
    f = click.option("--profile", metavar="PROFILE", help="AWS profile")(f)
    return click.option(
        "--region",
        metavar="REGION",
        help="The Tool's region (workloads are regional; default: the profile's)",
    )(f)


def _tool(region: str | None, profile: str | None, dry_run: bool = False) -> Tool:
    import sys

    from wasp.wa.client import Tool, make_client

    return Tool(make_client(region, profile), dry_run=dry_run, out=sys.stdout)


@wa.command("export", epilog=EXPORT_EXIT_CODES)
@click.argument("review_file", metavar="REVIEW.json", type=path_type(dir_okay=False))
@click.option("--workload-id", metavar="ID", help="The Tool's workload id (32 hex characters)")
@click.option(
    "--create", is_flag=True, help="Create the workload (CreateWorkload) with the wellarchitected lens"
)
@click.option("--name", metavar="NAME", help="--create: the workload's name (default: the review's workload)")
@click.option(
    "--environment",
    type=click.Choice(["PRODUCTION", "PREPRODUCTION"]),
    default="PRODUCTION",
    show_default=True,
    help="--create: the workload's environment",
)
@click.option("--regions", metavar=REGIONS, help="--create: the workload's regions (default: the review's)")
@click.option("--owner", metavar="OWNER", help="--create: the review owner (a person or team)")
@click.option("--account-ids", metavar=ACCOUNTS, help="--create: account ids (default: the review's scope)")
@click.option("--milestone", metavar="NAME", help="Record a milestone (CreateMilestone) after the answers")
@click.option("--dry-run", is_flag=True, help="Print every call (operation and parameters), make none")
@click.option(
    "--improvements",
    type=path_type(dir_okay=False),
    metavar="FILE",
    help="Also write the improvement plan as CSV in the Tool's Jira-connector layout",
)
@tool_options
def export(
    review_file: Path,
    workload_id: str | None,
    create: bool,
    name: str | None,
    environment: str,
    regions: str | None,
    owner: str | None,
    account_ids: str | None,
    milestone: str | None,
    dry_run: bool,
    improvements: Path | None,
    region: str | None,
    profile: str | None,
) -> int:
    """Write a review's Security Pillar answers to a Tool workload and compare the Tool's risks with wasp's.

    Met practices are selected, not-applicable ones marked with the Tool's reason, not-met and not-assessed ones
    left unselected (named in the notes). Other pillars' answers are not touched; an answer the Tool already
    holds is not written again.
    """
    from wasp.catalogue import load_catalogue
    from wasp.cli.console import err, out, plain
    from wasp.report.base import load_review
    from wasp.wa.client import WaToolError
    from wasp.wa.export import NewWorkload, export_review

    review: Any = load_review(review_file)
    scope = review.get("scope", {})
    spec = None
    if create:
        if workload_id:
            raise WaToolError("give --workload-id or --create, not both")
        if not owner:
            raise WaToolError("--create needs --owner (the Tool's review owner: a person or team)")
        spec = NewWorkload(
            name=name or str(review["workload"]),
            environment=environment,
            regions=csv_list(regions) or tuple(scope.get("regions", [])),
            owner=owner,
            accounts=csv_list(account_ids) or tuple(a for a in scope.get("accounts", []) if str(a).isdigit()),
        )
    elif not workload_id:
        raise WaToolError("give --workload-id ID (`wasp wa list` shows them) or --create")
    tool = _tool(region, profile, dry_run)
    catalogue = load_catalogue()
    result = export_review(tool, review, catalogue, workload_id=workload_id, create=spec, milestone=milestone)
    if improvements is not None:
        from wasp.wa.improvements import write_improvements

        with improvements.open("w", encoding="utf-8", newline="") as fh:
            items = write_improvements(review, catalogue, result.workload_id, fh)
        err.print(
            f"wrote {items} improvement item(s) to {plain(str(improvements))}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    if dry_run:
        return 0
    out.print(
        f"workload {result.workload_id}: {len(result.updated)} answer(s) updated, {len(result.unchanged)} unchanged"
        + (f", milestone {result.milestone}" if result.milestone else ""),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    for comparison in result.comparisons:
        out.print(comparison.line(), markup=False, highlight=False, soft_wrap=True)
    for comparison in result.disagreements:
        err.print(
            f"wasp: error: risk disagrees on {comparison.line()}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
    return 1 if result.disagreements else 0


@wa.command("import", epilog=EXIT_CODES)
@click.option("--workload-id", metavar="ID", required=True, help="The Tool's workload id")
@click.option("--milestone", type=click.IntRange(1, 100), metavar="N", help="Read this milestone's answers")
@click.option(
    "--output",
    "-o",
    "output",
    type=path_type(dir_okay=False),
    metavar="FILE",
    default="attestations.yaml",
    show_default=True,
    help="The attestation file to write",
)
@click.option(
    "--expiry-days",
    type=click.IntRange(1, 3650),
    default=365,
    show_default=True,
    metavar="DAYS",
    help="Each attestation expires this long after the answers' date",
)
@tool_options
def import_(
    workload_id: str,
    milestone: int | None,
    output: Path,
    expiry_days: int,
    region: str | None,
    profile: str | None,
) -> None:
    """Turn people's answers in a Tool workload into a wasp attestation file.

    Only practices wasp cannot evidence by API (hybrid and attested ones, and automated ones no rule covers) become
    attestations; the file is checked against the attestation JSON Schema before it is written.
    """
    import yaml

    from wasp.catalogue import load_catalogue
    from wasp.cli.console import err, plain
    from wasp.wa.importer import check_document, import_answers
    from wasp.workflow import live_rules

    covered = frozenset(bp for rule in live_rules() for bp in rule.meta.best_practices)
    doc = import_answers(
        _tool(region, profile),
        load_catalogue(),
        workload_id,
        milestone=milestone,
        expiry_days=expiry_days,
        with_rules=covered,
    )
    check_document(doc)
    output.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    err.print(
        f"wrote {len(doc['attestations'])} attestation(s) to {plain(str(output))}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@wa.command("list", epilog=EXIT_CODES)
@click.option("--prefix", metavar="NAME", help="Only workloads whose name starts with NAME")
@click.option("--no-milestones", is_flag=True, help="Skip the milestones (one call fewer per workload)")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format",
)
@tool_options
def list_(prefix: str | None, no_milestones: bool, fmt: str, region: str | None, profile: str | None) -> None:
    """Workloads and milestones visible to the caller, with their risk counts."""
    import dataclasses
    import json

    from wasp.cli.console import out
    from wasp.wa.listing import counts, list_workloads

    rows = list_workloads(_tool(region, profile), prefix, milestones=not no_milestones)
    if fmt == "json":
        out.print_json(json.dumps([dataclasses.asdict(r) for r in rows]))
        return
    for row in rows:
        out.print(
            f"{row.id}  {row.name}  ({counts(row.risks)}; updated {row.updated})",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        for lens, risks in row.lens_reviews.items():
            out.print(f"  lens {lens}: {counts(risks)}", markup=False, highlight=False, soft_wrap=True)
        for m in row.milestones:
            out.print(
                f"  milestone {m.number} {m.name}: {counts(m.risks)} ({m.recorded})",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
    if not rows:
        out.print(
            "no workloads visible to the caller in this region", markup=False, highlight=False, soft_wrap=True
        )
