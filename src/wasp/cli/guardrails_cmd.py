"""`wasp guardrails scp`: write the foundational SCPs, and attach them only when asked."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wasp.cli.console import err, out, safe
from wasp.cli.options import csv_list
from wasp.errors import InputError
from wasp.guardrails.scps import foundational_scps

guardrails_app = typer.Typer(help="Guardrails that keep the fixes applied.", no_args_is_help=True)


@guardrails_app.command("scp")
def scp(
    regions: Annotated[str, typer.Option(help="Approved regions, comma-separated")] = "eu-west-2",
    break_glass_role: Annotated[
        list[str] | None, typer.Option(help="Role exempt from the guardrails (repeatable)")
    ] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the policy JSON files")] = Path(
        "wasp-scps"
    ),
    apply: Annotated[
        bool, typer.Option("--apply", help="Create and attach them through Organizations")
    ] = False,
    target: Annotated[str | None, typer.Option(help="Root or OU id to attach to (default: the root)")] = None,
    yes: Annotated[bool, typer.Option("--yes", help="Attach without asking")] = False,
    profile: Annotated[str | None, typer.Option(help="AWS profile (management account)")] = None,
) -> None:
    """Write the six SCPs; with --apply (dry run otherwise), create or update and attach them."""
    region_list = csv_list(regions)
    try:
        pack = foundational_scps(region_list, tuple(break_glass_role or ()))
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
        typer.confirm(f"Create and attach {len(pack)} SCPs?", abort=True)
    from wasp.guardrails.attach import attach_scps

    for line in attach_scps(pack, target, profile, region_list[0]):
        out.print(safe(line))


@guardrails_app.command("remediation-stack")
def remediation_stack(
    output: Annotated[Path, typer.Option("--output", "-o", help="Template file to write")] = Path(
        "wasp-remediation.json"
    ),
) -> None:
    """Write a CloudFormation template that keeps the fixes applied (Config rules, SSM remediation, alerts)."""
    import json

    from wasp.guardrails.remediation_stack import remediation_template

    output.write_text(json.dumps(remediation_template(), indent=2) + "\n", encoding="utf-8")
    err.print(
        f"wrote {safe(output)}: deploy with `aws cloudformation deploy --template-file {safe(output)} --stack-name wasp-guardrails "
        "--capabilities CAPABILITY_IAM --parameter-overrides AlertEmail=security@example.com`"
    )
