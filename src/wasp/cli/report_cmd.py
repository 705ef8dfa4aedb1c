"""`wasp report`: render a saved review in any format, with no credentials."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from wasp.cli.console import err, safe
from wasp.cli.options import csv_list
from wasp.errors import InputError
from wasp.report.base import formats, get_format, load_review, render, write_report
from wasp.report.doc_types import ReviewDoc


def _format_help() -> str:
    return ", ".join(formats())


def report(
    review_file: Annotated[Path, typer.Argument(help="A review.json written by `wasp review`")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="Format (see --list)")] = "html",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout)")
    ] = None,
    history: Annotated[
        bool, typer.Option(help="Embed the workload's history chart from the store (html, pdf)")
    ] = False,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL, for --history")] = None,
) -> None:
    """Render a saved review: html, pdf, md, csv, csv-practices, plan-csv, sarif, ocsf, asff or json."""
    chosen = get_format(fmt)
    review = load_review(review_file)
    if history and chosen.name in ("html", "pdf"):
        from wasp.report.history_chart import CHART_KEY, history_png_bytes
        from wasp.store import open_store

        rows = open_store(db).reviews(review["workload"])
        if rows:
            # the chart rides beside the document's own keys, for the html and pdf formats only
            cast(dict[str, Any], review)[CHART_KEY] = history_png_bytes(
                rows, f"Security Pillar history: {review['workload']}"
            )
    if output is None:
        if chosen.reporter.binary:
            raise InputError(f"{chosen.name} is binary: pass -o FILE")
        render(review, chosen, sys.stdout)
        return
    try:
        write_report(review, chosen, output)
    except OSError as exc:
        raise InputError(f"{output}: cannot write the report ({exc.strerror})") from exc
    err.print(f"wrote {safe(output)}")


def write_formats(review: ReviewDoc, names: str, out_dir: Path) -> list[Path]:
    """Write several formats next to review.json (e.g. 'html,md,csv'); returns the paths."""
    written = []
    for name in csv_list(names):
        fmt = get_format(name)
        written.append(write_report(review, fmt, out_dir / fmt.reporter.filename))
    return written
