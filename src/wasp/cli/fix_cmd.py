"""`wasp fix`: plan fixes for a review's failures (changes nothing), then apply them only when asked, and only
in the accounts the review found them in."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from wasp.cli.console import err, out, plain
from wasp.errors import AwsSetupError, InputError
from wasp.model import Workload
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
    Path | None,
    typer.Option("--workload", help="Workload file (security_contact, kms_key, role_name, profile)"),
]
RoleName = Annotated[
    str | None,
    typer.Option(
        "--role-name", help="Role to assume in each account the review found fixes in (else the workload's)"
    ),
]


def _plan(
    review_file: Path,
    rule: list[str] | None,
    resource: list[str] | None,
    finding: list[str] | None,
    kms_key: str | None,
    workload: Path | None = None,
) -> tuple[Workload | None, list[PlanEntry], FixContext]:
    from wasp.workload import load_workload

    review = load_review(review_file)
    scope = review.get("scope") or {}
    wl = load_workload(workload) if workload else None
    ctx = FixContext(
        workload=WorkloadScope(regions=tuple(scope.get("regions") or ())),
        kms_key=kms_key or (wl.kms_key if wl else None),
        security_contact=wl.security_contact if wl else None,
    )
    return wl, plan(review, ctx, rule or [], resource or [], finding or []), ctx


def _show(entries: list[PlanEntry]) -> None:
    from wasp.remediate.render import render_plan

    out.print(render_plan(entries))


@fix_app.command("plan")
def fix_plan(
    review_file: Annotated[Path, typer.Argument(help="A review.json")],
    rule: Rules = None,
    resource: Resources = None,
    finding: Findings = None,
    kms_key: KmsKey = None,
    workload: WorkloadFile = None,
) -> None:
    """Which failing findings have fixers, the exact calls each would make (or the input it needs) and what could
    break. Changes nothing."""
    _, entries, _ = _plan(review_file, rule, resource, finding, kms_key, workload)
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
    role_name: RoleName = None,
    yes: Annotated[bool, typer.Option("--yes", help="Apply without asking")] = False,
    profile: Annotated[str | None, typer.Option(help="AWS profile")] = None,
    audit_log: Annotated[Path, typer.Option(help="JSON-lines audit log (appended)")] = Path(
        "wasp-fix-audit.jsonl"
    ),
) -> None:
    """Apply the planned fixes in the accounts the review found them in, each only if it still fails.

    Re-reads and re-checks each resource first, logs every change and every skip, and verifies. Without a
    role, only fixes in the credentials' own account are applied; with one, it is assumed in each account.
    """
    from wasp.remediate.accounts import by_account, fix_access
    from wasp.remediate.apply import ACCOUNT_MISMATCH, ItemResult, apply_fixes, refuse

    wl, entries, ctx = _plan(review_file, rule, resource, finding, kms_key, workload)
    if not entries:
        err.print("nothing to fix")
        return
    regions = tuple(ctx.workload.regions) or ("us-east-1",)
    groups = by_account(entries)
    access = fix_access(
        profile or (wl.profile if wl else None),
        list(groups),
        role_name or (wl.role_name if wl else None),
        regions[0],
    )
    if not access.clients:  # nothing here may be changed with these credentials: one line, exit 2
        for account, why in access.refused.items():
            refuse(groups[account], why, audit_log, access.caller)
        raise AwsSetupError(f"refusing to fix: {next(iter(access.refused.values()))}; nothing was changed")
    _show(entries)
    for account, why in access.refused.items():
        err.print(plain(f"refused {len(groups[account])} fix(es): {why}"), markup=False, soft_wrap=True)
    allowed = sum(e.fixable for a in access.clients for e in groups[a])
    if not yes:
        if not sys.stdin.isatty():
            raise InputError("refusing to change AWS without confirmation: pass --yes")
        typer.confirm(f"Apply {allowed} fix(es) to AWS?", abort=True)

    def show(r: ItemResult) -> None:
        out.print(plain(f"{r.status:17} {r.rule} {r.account or '?'} {r.resource}: {r.detail}"), markup=False)

    results: list[ItemResult] = []
    for account, why in access.refused.items():
        results += refuse(groups[account], why, audit_log, access.caller)
    for account, clients in access.clients.items():
        results += apply_fixes(
            groups[account], clients, account, regions, ctx, audit_log, access.caller, progress=show
        )
    failed = [r for r in results if r.status == "failed"]
    refused = [r for r in results if r.reason == ACCOUNT_MISMATCH]
    skipped = [r for r in results if r.status == "skipped" and r.reason != ACCOUNT_MISMATCH]
    done = len(results) - len(failed) - len(refused) - len(skipped)
    err.print(
        f"{done} done, {len(skipped)} skipped, {len(refused)} refused (other account), {len(failed)} failed; "
        f"audit log {plain(str(audit_log))}"
    )
    raise typer.Exit(1 if failed or refused else 0)
