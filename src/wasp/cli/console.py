"""Shared consoles and the progress bar used by long commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

ScanProgress = Callable[[int, int, str], None]
"""(sources done, sources in all, the one being read)."""

if TYPE_CHECKING:
    from wasp.collect.runner import Progress as ProgressFn

out = Console()
err = Console(stderr=True)


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
            bar.update(task, completed=done, total=total, last=last)

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
            bar.update(task, completed=done - 1, total=total, last=source[-60:])

        yield update
