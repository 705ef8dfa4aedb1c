"""Shared consoles and the progress bar used by long commands.

Text that wasp did not write itself (resource names, messages, file names, waiver reasons) is printed through
``safe`` (in rich markup) or ``plain`` (with ``markup=False`` or ``typer.echo``): see wasp.report.safe_text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from wasp.report.safe_text import plain, safe

ScanProgress = Callable[[int, int, str], None]
"""(sources done, sources in all, the one being read)."""

if TYPE_CHECKING:
    from wasp.collect.runner import Progress as ProgressFn

__all__ = ["collection_progress", "err", "out", "plain", "safe", "scan_progress"]

out = Console(emoji=False)
err = Console(stderr=True, emoji=False)


@contextmanager
def collection_progress(label: str) -> Iterator[ProgressFn]:
    """A progress bar on stderr, fed by the collector's (done, total, task) callback."""
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
