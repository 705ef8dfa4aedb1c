"""`wasp review` and `wasp demo`: run a review and write the reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wasp.cli.options import (
    FAIL_ON,
    command,
    csv_list,
    db_option,
    path_type,
    scope_options,
    timeout_option,
    workload_argument,
)
from wasp.cli.org_options import OrgFlags, org_options, print_accounts
from wasp.cli.report_cmd import write_formats
from wasp.errors import InputError

if TYPE_CHECKING:
    from wasp.model import Review, Workload
    from wasp.report.doc_types import ReviewDoc
    from wasp.store import Store
    from wasp.workflow import WorkloadOverrides

F = TypeVar("F", bound=Callable[..., Any])


def exit_code(review: Review, fail_on: str | None) -> int:
    """1 when a question is at or above the --fail-on risk (high or medium), else 0."""
    from wasp.model import QuestionRisk

    if fail_on is None:
        return 0
    levels = {QuestionRisk.HIGH} if fail_on == "high" else {QuestionRisk.HIGH, QuestionRisk.MEDIUM}
    return 1 if any(q.risk in levels for q in review.questions) else 0


def chosen_collectors(collectors: str | None) -> list[str] | None:
    """The --collectors names, each checked (None: every collector)."""
    from wasp.cli.checks import check_collectors

    return list(check_collectors(csv_list(collectors), "--collectors")) or None


def workload_from(
    path: Path | None,
    name: str | None,
    profile: str | None,
    regions: str | None,
    accounts: str | None,
    role_name: str | None,
    attestations: Path | None,
    waivers: Path | None = None,
) -> Workload:
    """The workload file (or a bare workload) with command-line overrides applied, regions and accounts checked."""
    from dataclasses import replace

    from wasp.cli.checks import check_accounts
    from wasp.model import Workload
    from wasp.regions import check_regions
    from wasp.workload import load_workload

    base = load_workload(path) if path else Workload(name=name or "unnamed-workload")
    changes: dict[str, object] = {}
    if name:
        changes["name"] = name
    if profile:
        changes["profile"] = profile
    if regions:
        changes["regions"] = check_regions(csv_list(regions), "--regions")
    if accounts:
        changes["accounts"] = check_accounts(csv_list(accounts), "--accounts")
    if role_name:
        changes["role_name"] = role_name
    if attestations:
        changes["attestations"] = str(attestations)
    if waivers:
        changes["waivers"] = str(waivers)
    return replace(base, **changes)  # type: ignore[arg-type]


def output_dir_option(default: str, help_text: str) -> Callable[[F], F]:
    """-o/--output DIR (also --out, its old spelling)."""
    return click.option(
        "--output",
        "-o",
        "--out",
        "out_dir",
        type=path_type(dir_okay=True, file_okay=False),
        default=Path(default),
        show_default=True,
        metavar="DIR",
        help=help_text,
    )


def fail_on_option() -> Callable[[F], F]:
    """--fail-on high|medium."""
    return click.option(
        "--fail-on",
        type=click.Choice(FAIL_ON),
        metavar="RISK",
        help="Exit 1 if any question has this risk or worse: high or medium",
    )


def formats_option(default: str) -> Callable[[F], F]:
    """--formats FORMAT[,FORMAT...]: reports written beside review.json."""
    return click.option(
        "--formats",
        "report_formats",
        default=default,
        show_default=bool(default),
        metavar="FORMAT[,FORMAT...]",
        help="Reports to write beside review.json, e.g. html,md,csv (see `wasp report --help`)",
    )


def save_options(f: F) -> F:
    """--save and --db."""
    f = db_option("Database path or URL (implies --save)")(f)
    return click.option("--save", is_flag=True, help="Save the review in the database (see --db)")(f)


@command("review", fail_on=True)
@workload_argument()
@scope_options
@click.option("--attestations", type=path_type(dir_okay=False), metavar="FILE", help="Attestation file")
@click.option(
    "--waivers", type=path_type(dir_okay=False), metavar="FILE", help="Waiver file (accepted risks)"
)
@click.option(
    "--max-attempts",
    type=click.IntRange(1, 20),
    default=3,
    show_default=True,
    metavar="N",
    help="Attempts per API call (adaptive retries)",
)
@timeout_option("reported as not assessed")
@output_dir_option("wasp-out", "Directory for review.json and the reports")
@fail_on_option()
@formats_option("")
@click.option(
    "--snapshot",
    type=path_type(dir_okay=False),
    metavar="FILE",
    help="Review a saved snapshot offline (from `wasp collect`) instead of AWS",
)
@save_options
@org_options
def review(
    workload_file: Path | None,
    name: str | None,
    profile: str | None,
    regions: str | None,
    accounts: str | None,
    role_name: str | None,
    collectors: str | None,
    workers: int,
    attestations: Path | None,
    waivers: Path | None,
    max_attempts: int,
    timeout: float,
    out_dir: Path,
    fail_on: str | None,
    report_formats: str,
    snapshot: Path | None,
    save: bool,
    db: str | None,
    **org: Any,
) -> None:
    """Review a live workload (or a snapshot); write DIR/review.json.

    Collect (read-only), evaluate the rules, decide each best practice and question, print the summary.
    Options override the workload file.
    """
    from wasp.cli.checks import check_report_formats, check_waiver_file
    from wasp.cli.console import collection_progress, err, out, safe
    from wasp.report import print_summary, review_dict, write_review
    from wasp.workflow import review_live

    if snapshot is not None and collectors:
        raise InputError(
            "--collectors chooses what to collect from AWS; a --snapshot was collected already: drop one of them"
        )
    flags = OrgFlags(**org)
    wl = flags.apply(
        workload_from(workload_file, name, profile, regions, accounts, role_name, attestations, waivers)
    )
    chosen = chosen_collectors(collectors)
    check_report_formats(csv_list(report_formats))
    if wl.waivers:
        check_waiver_file(wl.waivers)
    store = _open_store(save, db)
    if snapshot is not None:
        from wasp.workflow import WorkloadOverrides

        over = WorkloadOverrides(
            name, profile, csv_list(regions), csv_list(accounts), role_name, attestations, waivers
        )
        _review_snapshot(workload_file, over, snapshot, out_dir, report_formats, fail_on, store)
        return
    executor = flags.executor_for(workers)
    if wl.org or executor is not None:
        from wasp.cli.org_progress import org_progress

        with org_progress() as phases:
            run = review_live(
                wl,
                extra_waivers=_stored_waivers(store),
                collectors=chosen,
                workers=workers,
                max_attempts=max_attempts,
                timeout=timeout,
                executor=executor,
                phases=phases,
            )
    else:
        with collection_progress("collecting") as progress:
            run = review_live(
                wl,
                extra_waivers=_stored_waivers(store),
                collectors=chosen,
                workers=workers,
                progress=progress,
                max_attempts=max_attempts,
                timeout=timeout,
            )
    doc = review_dict(run.review)  # built once: written, rendered and stored
    path = write_review(doc, out_dir / "review.json")
    extra = write_formats(doc, report_formats, out_dir)
    _maybe_save(doc, store)
    print_summary(run.review, out)
    print_accounts(run.stats)
    err.print(
        f"[dim]{run.stats.api_calls} API calls in {run.seconds:.1f}s; wrote {', '.join(map(safe, [path, *extra]))}[/]"
    )
    raise click.exceptions.Exit(exit_code(run.review, fail_on))


def _open_store(save: bool, db: str | None) -> Store | None:
    """The store, opened once per command, when the review is to be saved there (--save or --db)."""
    if not (save or db):
        return None
    from wasp.store import open_store

    return open_store(db)


def _stored_waivers(store: Store | None) -> list[Any]:
    """Waivers kept in the store apply when the review is saved there."""
    if store is None:
        return []
    from wasp.store.waivers import stored_waivers

    return stored_waivers(store)


def _maybe_save(doc: ReviewDoc, store: Store | None) -> None:
    """Save in the store when asked (--save or --db)."""
    if store is None:
        return
    from wasp.cli.console import err

    saved = store.save(doc)
    err.print(
        f"[dim]saved as review {saved.id} (milestone it with `wasp milestone create NAME --review {saved.id}`)[/]"
    )


def _review_snapshot(
    workload_file: Path | None,
    over: WorkloadOverrides,
    snapshot: Path,
    out_dir: Path,
    report_formats: str,
    fail_on: str | None,
    store: Store | None,
) -> None:
    """The offline path of `wasp review --snapshot`."""

    from wasp.cli.console import err, out, safe
    from wasp.report import print_summary, review_dict, write_review
    from wasp.snapshot import load_snapshot
    from wasp.workflow import review_snapshot
    from wasp.workload import load_workload

    snap = load_snapshot(snapshot)
    wl = load_workload(workload_file) if workload_file else None
    result = review_snapshot(snap, wl, _stored_waivers(store), over)
    doc = review_dict(result)  # built once: written, rendered and stored
    path = write_review(doc, out_dir / "review.json")
    extra = write_formats(doc, report_formats, out_dir)
    _maybe_save(doc, store)
    print_summary(result, out)
    err.print(
        f"[dim]reviewed snapshot {safe(snapshot)} (collected {snap.collected_at.isoformat()}); wrote "
        f"{', '.join(map(safe, [path, *extra]))}[/]"
    )
    raise click.exceptions.Exit(exit_code(result, fail_on))


@command("demo", fail_on=True)
@output_dir_option("wasp-demo", "Directory for review.json and the reports")
@fail_on_option()
@formats_option("html,md,csv,csv-practices,plan-csv,sarif,ocsf,asff")
@save_options
def demo(out_dir: Path, fail_on: str | None, report_formats: str, save: bool, db: str | None) -> None:
    """Review the built-in emulated AWS account and write the reports.

    The account is a small payments API, seeded with known misconfigurations in moto (needs wasp[demo]).
    """
    from wasp.cli.checks import check_report_formats
    from wasp.cli.console import collection_progress, err, out, safe
    from wasp.demo.run import run_demo

    check_report_formats(csv_list(report_formats))
    from wasp.report import print_summary, review_dict, write_review

    with collection_progress("seeding and collecting the emulated account") as progress:
        result = run_demo(out_dir, progress=progress)
    doc = review_dict(result.run.review)  # built once: written, rendered and stored
    path = write_review(doc, out_dir / "review.json")
    extra = write_formats(doc, report_formats, out_dir)
    _maybe_save(doc, _open_store(save, db))
    print_summary(result.run.review, out)
    from wasp.demo.evidence import service_line

    if (services := service_line(result.run.review)) is not None:
        out.print(safe(services))
    err.print(
        f"[dim]emulated account {result.seeded.account} ({result.seeded.region}); {result.run.stats.api_calls} "
        f"API calls, review in {result.run.seconds:.1f}s; wrote {safe(path)} and {len(extra)} report(s) in {safe(out_dir)} "
        f"(workload: {safe(result.workload_file)})[/]"
    )
    raise click.exceptions.Exit(exit_code(result.run.review, fail_on))
