"""`wasp fix`: plan fixes for a review's failures (changes nothing), then apply them only when asked, and only
in the accounts the review found them in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wasp.cli.options import EXIT_CODES, format_option, path_type

if TYPE_CHECKING:
    from wasp.model import Workload
    from wasp.remediate.base import FixContext
    from wasp.remediate.plan import PlanEntry

F = TypeVar("F", bound=Callable[..., Any])

APPLY_EXIT_CODES = (
    "Exit codes: 0 ok, 1 a fix failed or was refused (another account), 2 usage or input error."
)


def selectors(f: F) -> F:
    """REVIEW_FILE and the options that choose findings: --rule, --resource, --finding, --kms-key."""
    for decorator in reversed(
        (
            click.argument("review_file", metavar="REVIEW_FILE", type=path_type(dir_okay=False)),
            click.option("--rule", multiple=True, metavar="RULE_ID", help="Only this rule (repeatable)"),
            click.option(
                "--resource", multiple=True, metavar="GLOB", help="Only resources matching this id/ARN glob"
            ),
            click.option(
                "--finding", multiple=True, metavar="FINDING_ID", help="Only this finding id (repeatable)"
            ),
            click.option("--kms-key", metavar="KEY", help="KMS key for S3 default encryption (else SSE-S3)"),
        )
    ):
        f = decorator(f)
    return f


def _plan(
    review_file: Path,
    rule: tuple[str, ...],
    resource: tuple[str, ...],
    finding: tuple[str, ...],
    kms_key: str | None,
    workload: Path | None = None,
) -> tuple[Workload | None, list[PlanEntry], FixContext]:
    from wasp.cli.checks import check_rule_ids
    from wasp.model.rule import WorkloadScope
    from wasp.remediate.base import FixContext
    from wasp.remediate.plan import plan
    from wasp.report.base import load_review
    from wasp.workload import load_workload

    check_rule_ids(rule, "--rule")
    review = load_review(review_file)
    scope = review.get("scope") or {}
    wl = load_workload(workload) if workload else None
    ctx = FixContext(
        workload=WorkloadScope(regions=tuple(scope.get("regions") or ())),
        kms_key=kms_key or (wl.kms_key if wl else None),
        security_contact=wl.security_contact if wl else None,
    )
    return wl, plan(review, ctx, list(rule), list(resource), list(finding)), ctx


def _show(entries: list[PlanEntry]) -> None:
    from wasp.cli.console import out
    from wasp.remediate.render import render_plan

    out.print(render_plan(entries), crop=False)  # a table wider than the terminal wraps; nothing is cut


WORKLOAD_OPTION = click.option(
    "--workload",
    type=path_type(dir_okay=False),
    metavar="FILE",
    help="Workload file (security_contact, kms_key, role_name, profile): fixes that need them are planned",
)


@click.command("plan", epilog=EXIT_CODES)
@selectors
@WORKLOAD_OPTION
@format_option(("table", "json"), "table")
def fix_plan(
    review_file: Path,
    rule: tuple[str, ...],
    resource: tuple[str, ...],
    finding: tuple[str, ...],
    kms_key: str | None,
    workload: Path | None,
    fmt: str,
) -> None:
    """Which failing findings have fixers and the calls each would make (or the input a fix still needs).

    Also what each fix could break. Changes nothing.
    """
    from wasp.cli.console import err

    _, entries, _ = _plan(review_file, rule, resource, finding, kms_key, workload)
    if fmt == "json":
        from wasp.cli.console import emit_json
        from wasp.remediate.render import plan_records

        emit_json(plan_records(entries))
        return
    _show(entries)
    err.print("[dim]dry run: nothing changed. Apply with `wasp fix apply REVIEW --yes` (same selectors).[/]")


@click.command("apply", epilog=APPLY_EXIT_CODES)
@selectors
@WORKLOAD_OPTION
@click.option(
    "--role-name",
    metavar="ROLE",
    help="Role to assume in each account the review found fixes in (else the workload's)",
)
@click.option("--yes", is_flag=True, help="Apply without asking")
@click.option("--profile", metavar="PROFILE", help="AWS profile")
@click.option(
    "--audit-log",
    type=path_type(dir_okay=False),
    default=Path("wasp-fix-audit.jsonl"),
    show_default=True,
    metavar="FILE",
    help="JSON-lines audit log (appended)",
)
def fix_apply(
    review_file: Path,
    rule: tuple[str, ...],
    resource: tuple[str, ...],
    finding: tuple[str, ...],
    kms_key: str | None,
    workload: Path | None,
    role_name: str | None,
    yes: bool,
    profile: str | None,
    audit_log: Path,
) -> None:
    """Apply the planned fixes, each only if it still fails.

    Only in the accounts the review found them in. Re-reads and re-checks each resource first, logs every
    change and every skip, and verifies. Without a role, only fixes in the credentials' own account are
    applied; with one, it is assumed in each account.
    """
    import sys

    from wasp.cli.console import err, out, plain
    from wasp.errors import AwsSetupError, InputError
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
    allowed = sum(e.fixable for a in access.clients for e in groups[a])  # those needing input are skipped
    if not yes:
        if not sys.stdin.isatty():
            raise InputError("refusing to change AWS without confirmation: pass --yes")
        click.confirm(f"Apply {allowed} fix(es) to AWS?", abort=True)

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
    raise click.exceptions.Exit(1 if failed or refused else 0)
