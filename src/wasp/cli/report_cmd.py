"""`wasp report`: render a saved review in any format, with no credentials."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from wasp.cli.options import command, db_option, path_type

if TYPE_CHECKING:
    from wasp.report.doc_types import ReviewDoc

FORMATS_HELP = "html, pdf, md, csv, csv-practices, plan-csv, sarif, ocsf, asff or json"
"""The formats wasp ships (a format module added to wasp.report.formats is accepted too)."""


@command("report")
@click.argument("review_file", metavar="REVIEW_FILE", type=path_type(dir_okay=False))
@click.option(
    "--format",
    "-f",
    "fmt",
    default="html",
    show_default=True,
    metavar="FORMAT",
    help=f"Format: {FORMATS_HELP}",
)
@click.option(
    "--output", "-o", type=path_type(dir_okay=False), metavar="FILE", help="File to write (default: stdout)"
)
@click.option("--history", is_flag=True, help="Embed the workload's history chart from the store (html, pdf)")
@db_option("Database path or URL, for --history")
def report(review_file: Path, fmt: str, output: Path | None, history: bool, db: str | None) -> None:
    """Render a saved review: html, pdf, md, csv, sarif, ocsf, asff...

    REVIEW_FILE is a review.json written by `wasp review` (or `wasp show REF -o FILE`). Needs no credentials.
    """
    import sys

    from wasp.cli.console import err, safe
    from wasp.errors import InputError
    from wasp.report.base import get_format, load_review, render, write_report

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
    from wasp.cli.options import csv_list
    from wasp.report.base import get_format, write_report

    written = []
    for name in csv_list(names):
        fmt = get_format(name)
        written.append(write_report(review, fmt, out_dir / fmt.reporter.filename))
    return written
