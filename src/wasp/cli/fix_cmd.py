"""`wasp fix`: plan fixes for a review's failures (changes nothing), then apply them only when asked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from wasp.cli.console import err, out, plain, safe
from wasp.errors import InputError
from wasp.model.rule import WorkloadScope
from wasp.remediate.base import FixContext
from wasp.remediate.plan import PlanEntry, plan
from wasp.report.base import load_review

fix_app = typer.Typer(help="Remediation: plan (dry run) and apply, with an audit log.", no_args_is_help=True)
Rules = Annotated[list[str] | None, typer.Option("--rule", help="Only this rule (repeatable)")]
Resources = Annotated[
    list[str] | None, typer.Option("--resource", help="Only resources matching this id/ARN glob")
]
Findings = Annotated[list[str] | None, typer.Option("--finding", help="Only this finding id (repeatable)")]
KmsKey = Annotated[str | None, typer.Option(help="KMS key for S3 default encryption (else SSE-S3)")]
WorkloadFile = Annotated[
    Path | None, typer.Option("--workload", help="Workload file (security_contact, regions)")
]


def _plan(
    review_file: Path,
    rule: list[str] | None,
    resource: list[str] | None,
    finding: list[str] | None,
    kms_key: str | None,
    workload: Path | None = None,
) -> tuple[dict[str, object], list[PlanEntry], FixContext]:
    from wasp.workload import load_workload

    review = load_review(review_file)
    scope = review.get("scope") or {}
    wl = load_workload(workload) if workload else None
    ctx = FixContext(
        workload=WorkloadScope(regions=tuple(scope.get("regions") or ())),
        kms_key=kms_key or (wl.kms_key if wl else None),
        security_contact=wl.security_contact if wl else None,
    )
    return review, plan(review, ctx, rule or [], resource or [], finding or []), ctx


def _show(entries: list[PlanEntry]) -> None:
    table = Table(title=f"{len(entries)} fixable finding(s)")
    for col in ("Finding", "Rule", "Resource", "Calls", "Risk"):
        table.add_column(col)
    for e in entries:
        ref = e.finding["resource"]
        table.add_row(
            safe(e.finding["id"]),
            safe(e.fixer.rule),
            safe(ref.get("arn") or ref["id"]),
            "\n".join(safe(c.describe()) for c in e.calls) or "(re-read at apply)",
            safe(e.fixer.risk),
        )
    out.print(table)


@fix_app.command("plan")
def fix_plan(
    review_file: Annotated[Path, typer.Argument(help="A review.json")],
    rule: Rules = None,
    resource: Resources = None,
    finding: Findings = None,
    kms_key: KmsKey = None,
) -> None:
    """Which failing findings have fixers, the exact calls each would make and what could break. Changes nothing."""
    _, entries, _ = _plan(review_file, rule, resource, finding, kms_key)
    _show(entries)
    err.print("[dim]dry run: nothing changed. Apply with `wasp fix apply REVIEW --yes` (same selectors).[/]")


@fix_app.command("apply")
def fix_apply(
    review_file: Annotated[Path, typer.Argument(help="A review.json")],
    rule: Rules = None,
    resource: Resources = None,
    finding: Findings = None,
    kms_key: KmsKey = None,
    workload: WorkloadFile = None,
    yes: Annotated[bool, typer.Option("--yes", help="Apply without asking")] = False,
    profile: Annotated[str | None, typer.Option(help="AWS profile")] = None,
    audit_log: Annotated[Path, typer.Option(help="JSON-lines audit log (appended)")] = Path(
        "wasp-fix-audit.jsonl"
    ),
) -> None:
    """Apply the planned fixes (re-reading each resource first), log every change, and verify."""
    from wasp.collect.session import open_accounts
    from wasp.remediate.apply import apply_fixes

    _, entries, ctx = _plan(review_file, rule, resource, finding, kms_key, workload)
    if not entries:
        err.print("nothing to fix")
        return
    _show(entries)
    if not yes:
        if not sys.stdin.isatty():
            raise InputError("refusing to change AWS without confirmation: pass --yes")
        typer.confirm(f"Apply {len(entries)} fix(es) to AWS?", abort=True)
    regions = tuple(ctx.workload.regions) or ("us-east-1",)
    access = open_accounts(profile, (), None, regions[0])[0]
    actor = access.caller  # from the one STS call open_accounts makes
    results = apply_fixes(
        entries,
        access.clients,
        access.account,
        regions,
        ctx,
        audit_log,
        actor,
        progress=lambda r: out.print(plain(f"{r.status:17} {r.rule} {r.resource}: {r.detail}"), markup=False),
    )
    failed = [r for r in results if r.status == "failed"]
    err.print(f"{len(results) - len(failed)} done, {len(failed)} failed; audit log {safe(audit_log)}")
    raise typer.Exit(1 if failed else 0)
