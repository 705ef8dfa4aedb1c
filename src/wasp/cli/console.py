"""Shared consoles and the progress bar used by long commands.

Text that wasp did not write itself (resource names, messages, file names, waiver reasons) is printed through
``safe`` (in rich markup) or ``plain`` (with ``markup=False`` or ``click.echo``): see wasp.report.safe_text.
Command modules import this inside their functions, so that `wasp CMD --help` does not load rich.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console

from wasp.report.safe_text import plain, safe

ScanProgress = Callable[[int, int, str], None]
"""(sources done, sources in all, the one being read)."""

if TYPE_CHECKING:
    from rich.table import Table

    from wasp.collect.runner import Progress as ProgressFn

__all__ = ["collection_progress", "emit_json", "err", "id_column", "out", "plain", "safe", "scan_progress"]

out = Console(emoji=False)
err = Console(stderr=True, emoji=False)


def id_column(table: Table, header: str, ids: Iterable[str]) -> None:
    """Add a column of ids the user has to type (rule ids, waiver ids, review ids, milestone names...).

    The column is as wide as its longest id, up to half the terminal, and is not shrunk before the other
    columns; an id wider still folds onto the next line. It is never cut with an ellipsis, and never cropped
    (rich crops a ``no_wrap`` or ``min_width`` column at the terminal's edge: neither is used). Tables are
    printed with ``crop=False`` as well.
    """
    longest = max((len(i) for i in ids), default=0)
    table.add_column(header, overflow="fold", width=min(max(longest, len(header)), max(out.width // 2, 12)))


@contextmanager
def collection_progress(label: str) -> Iterator[ProgressFn]:
    """A progress bar on stderr, fed by the collector's (done, total, task) callback."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}", style="dim"),
        console=err,
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=None, last="")

        def update(done: int, total: int, last: str) -> None:
            bar.update(task, completed=done, total=total, last=safe(last))

        yield update


@contextmanager
def scan_progress() -> Iterator[ScanProgress]:
    """A progress bar on stderr for scans of many sources (hidden when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("[bold]scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}", style="dim"),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with bar:
        task = bar.add_task("scan", total=None, last="")

        def update(done: int, total: int, source: str) -> None:
            bar.update(task, completed=done - 1, total=total, last=safe(source[-60:]))

        yield update


def emit_json(doc: Any) -> None:
    """A JSON document on stdout, whole and plain: ASCII only (every control character escaped, so a hostile
    name cannot act on the terminal), not highlighted (fast for a review of 100k findings), never wrapped."""
    import json
    import sys

    json.dump(doc, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")
