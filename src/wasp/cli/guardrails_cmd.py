"""`wasp guardrails scp` and `wasp guardrails remediation-stack`: guardrails that keep the fixes applied."""

from __future__ import annotations

from pathlib import Path

import click

from wasp.cli.options import REGIONS, command, path_type


@command("scp")
@click.option(
    "--regions",
    default="eu-west-2",
    show_default=True,
    metavar=REGIONS,
    help="Approved regions, comma-separated",
)
@click.option(
    "--break-glass-role", multiple=True, metavar="ROLE", help="Role exempt from the guardrails (repeatable)"
)
@click.option(
    "--output",
    "-o",
    "--out",
    "out_dir",
    type=path_type(file_okay=False),
    default=Path("wasp-scps"),
    show_default=True,
    metavar="DIR",
    help="Directory for the policy JSON files",
)
@click.option("--apply", is_flag=True, help="Create and attach them through Organizations")
@click.option("--target", metavar="ROOT_OR_OU_ID", help="Root or OU id to attach to (default: the root)")
@click.option("--yes", is_flag=True, help="Attach without asking")
@click.option("--profile", metavar="PROFILE", help="AWS profile (management account)")
def scp(
    regions: str,
    break_glass_role: tuple[str, ...],
    out_dir: Path,
    apply: bool,
    target: str | None,
    yes: bool,
    profile: str | None,
) -> None:
    """Write the six foundational SCPs; attach them with --apply.

    Without --apply this is a dry run: the policies are written to DIR and nothing is attached. With it, they
    are created or updated and attached through Organizations.
    """
    from wasp.cli.console import err, out, safe
    from wasp.cli.options import csv_list
    from wasp.errors import InputError
    from wasp.guardrails.scps import foundational_scps
    from wasp.regions import check_regions

    region_list = check_regions(csv_list(regions), "--regions")
    try:
        pack = foundational_scps(region_list, tuple(break_glass_role))
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    out_dir.mkdir(parents=True, exist_ok=True)
    for p in pack:
        (out_dir / f"{p.name}.json").write_text(p.content + "\n", encoding="utf-8")
        out.print(f"{safe(p.name)}: {safe(p.description)} ({len(p.content)} characters)")
    err.print(f"wrote {len(pack)} policies to {safe(out_dir)}")
    if not apply:
        err.print("dry run: nothing attached. Add --apply (and --yes) to create and attach them.")
        return
    if not yes:
        click.confirm(f"Create and attach {len(pack)} SCPs?", abort=True)
    from wasp.guardrails.attach import attach_scps

    for line in attach_scps(pack, target, profile, region_list[0]):
        out.print(safe(line))


@command("remediation-stack")
@click.option(
    "--output",
    "-o",
    type=path_type(dir_okay=False),
    default=Path("wasp-remediation.json"),
    show_default=True,
    metavar="FILE",
    help="Template file to write",
)
def remediation_stack(output: Path) -> None:
    """Write a CloudFormation template that keeps the fixes applied.

    Config rules, SSM automatic remediation and alerts, for `aws cloudformation deploy`.
    """
    import json

    from wasp.cli.console import err, safe
    from wasp.guardrails.remediation_stack import remediation_template

    output.write_text(json.dumps(remediation_template(), indent=2) + "\n", encoding="utf-8")
    err.print(
        f"wrote {safe(output)}: deploy with `aws cloudformation deploy --template-file {safe(output)} --stack-name wasp-guardrails "
        "--capabilities CAPABILITY_IAM --parameter-overrides AlertEmail=security@example.com`"
    )
