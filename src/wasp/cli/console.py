"""Shared consoles and the progress bar used by long commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

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
