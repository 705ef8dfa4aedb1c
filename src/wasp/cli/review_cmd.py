"""`wasp review` and `wasp demo`: run a review and write the reports."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wasp.cli.console import collection_progress, err, out, safe
from wasp.cli.options import csv_list
from wasp.cli.report_cmd import write_formats
from wasp.model import QuestionRisk, Review, Workload
from wasp.report import print_summary, review_dict, write_review
from wasp.workload import load_workload

if TYPE_CHECKING:
    from wasp.report.doc_types import ReviewDoc
    from wasp.store import Store
    from wasp.workflow import WorkloadOverrides


class FailOn(StrEnum):
    """Which question risk makes the command exit non-zero."""

    high = "high"
    medium = "medium"


def exit_code(review: Review, fail_on: FailOn | None) -> int:
    """1 when a question is at or above the --fail-on risk, else 0."""
    if fail_on is None:
        return 0
    levels = {QuestionRisk.HIGH} if fail_on is FailOn.high else {QuestionRisk.HIGH, QuestionRisk.MEDIUM}
    return 1 if any(q.risk in levels for q in review.questions) else 0


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
    """The workload file (or a bare workload) with command-line overrides applied."""
    base = load_workload(path) if path else Workload(name=name or "unnamed-workload")
    changes: dict[str, object] = {}
    if name:
        changes["name"] = name
    if profile:
        changes["profile"] = profile
    if regions:
        changes["regions"] = csv_list(regions)
    if accounts:
        changes["accounts"] = csv_list(accounts)
    if role_name:
        changes["role_name"] = role_name
    if attestations:
        changes["attestations"] = str(attestations)
    if waivers:
        changes["waivers"] = str(waivers)
    return replace(base, **changes)  # type: ignore[arg-type]


def review(
    workload_file: Annotated[Path | None, typer.Argument(help="Workload file (see `wasp init`)")] = None,
    name: Annotated[str | None, typer.Option(help="Workload name (overrides the file)")] = None,
    profile: Annotated[str | None, typer.Option(help="AWS profile")] = None,
    regions: Annotated[str | None, typer.Option(help="Comma-separated regions")] = None,
    accounts: Annotated[str | None, typer.Option(help="Comma-separated account ids")] = None,
    role_name: Annotated[str | None, typer.Option(help="Read-only role to assume in each account")] = None,
    attestations: Annotated[Path | None, typer.Option(help="Attestation file")] = None,
    collectors: Annotated[str | None, typer.Option(help="Only these collectors (comma-separated)")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Parallel collection tasks")] = 8,
    max_attempts: Annotated[
        int, typer.Option(min=1, max=20, help="Attempts per API call (adaptive retries)")
    ] = 3,
    timeout: Annotated[
        float,
        typer.Option(
            min=1,
            help="Seconds the whole collection may take; what is unfinished then is reported as not assessed",
        ),
    ] = 900,
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for review.json")] = Path("wasp-out"),
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Exit 1 if any question has this risk or worse")
    ] = None,
    report_formats: Annotated[
        str, typer.Option("--formats", help="Reports to write besides review.json, e.g. html,md,csv")
    ] = "",
    snapshot: Annotated[
        Path | None, typer.Option(help="Review a saved snapshot offline (from `wasp collect`) instead of AWS")
    ] = None,
    waivers: Annotated[Path | None, typer.Option(help="Waiver file (accepted risks)")] = None,
    save: Annotated[bool, typer.Option("--save", help="Save the review in the database (see --db)")] = False,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL (implies --save)")] = None,
) -> None:
    """Review a live workload: collect (read-only), evaluate, decide, and write DIR/review.json."""
    from wasp.workflow import review_live

    wl = workload_from(workload_file, name, profile, regions, accounts, role_name, attestations, waivers)
    store = _open_store(save, db)
    if snapshot is not None:
        from wasp.workflow import WorkloadOverrides

        over = WorkloadOverrides(
            name, profile, csv_list(regions), csv_list(accounts), role_name, attestations, waivers
        )
        _review_snapshot(workload_file, over, snapshot, out_dir, report_formats, fail_on, store)
        return
    with collection_progress("collecting") as progress:
        run = review_live(
            wl,
            extra_waivers=_stored_waivers(store),
            collectors=list(csv_list(collectors)) or None,
            workers=workers,
            progress=progress,
            max_attempts=max_attempts,
            timeout=timeout,
        )
    path = write_review(run.review, out_dir / "review.json")
    extra = write_formats(review_dict(run.review), report_formats, out_dir)
    _maybe_save(review_dict(run.review), store)
    print_summary(run.review, out)
    err.print(
        f"[dim]{run.stats.api_calls} API calls in {run.seconds:.1f}s; wrote {', '.join(map(safe, [path, *extra]))}[/]"
    )
    raise typer.Exit(exit_code(run.review, fail_on))


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
    fail_on: FailOn | None,
    store: Store | None,
) -> None:
    """The offline path of `wasp review --snapshot`."""
    from wasp.snapshot import load_snapshot
    from wasp.workflow import review_snapshot

    snap = load_snapshot(snapshot)
    wl = load_workload(workload_file) if workload_file else None
    result = review_snapshot(snap, wl, _stored_waivers(store), over)
    path = write_review(result, out_dir / "review.json")
    extra = write_formats(review_dict(result), report_formats, out_dir)
    _maybe_save(review_dict(result), store)
    print_summary(result, out)
    err.print(
        f"[dim]reviewed snapshot {safe(snapshot)} (collected {snap.collected_at.isoformat()}); wrote "
        f"{', '.join(map(safe, [path, *extra]))}[/]"
    )
    raise typer.Exit(exit_code(result, fail_on))


def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the reports")] = Path("wasp-demo"),
    fail_on: Annotated[
        FailOn | None, typer.Option(help="Exit 1 if any question has this risk or worse")
    ] = None,
    report_formats: Annotated[str, typer.Option("--formats", help="Reports to write besides review.json")] = (
        "html,md,csv,csv-practices,plan-csv,sarif,ocsf,asff"
    ),
    save: Annotated[bool, typer.Option("--save", help="Save the review in the database (see --db)")] = False,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL (implies --save)")] = None,
) -> None:
    """Review the built-in emulated AWS account (a small payments API) and write the reports."""
    from wasp.demo.run import run_demo

    with collection_progress("seeding and collecting the emulated account") as progress:
        result = run_demo(out_dir, progress=progress)
    path = write_review(result.run.review, out_dir / "review.json")
    extra = write_formats(review_dict(result.run.review), report_formats, out_dir)
    _maybe_save(review_dict(result.run.review), _open_store(save, db))
    print_summary(result.run.review, out)
    err.print(
        f"[dim]emulated account {result.seeded.account} ({result.seeded.region}); {result.run.stats.api_calls} "
        f"API calls, review in {result.run.seconds:.1f}s; wrote {safe(path)} and {len(extra)} report(s) in {safe(out_dir)} "
        f"(workload: {safe(result.workload_file)})[/]"
    )
    raise typer.Exit(exit_code(result.run.review, fail_on))
