"""Progress of a long (organisation or Dask) review: a rich bar per phase on a terminal, else periodic log lines.

Phases: accounts discovered, accounts opened (roles assumed), tasks collected; each line also counts the retries
botocore absorbed (throttling), the gaps so far and the accounts that could not be opened.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from wasp.org.collect import Step

PHASES = {"discover": "accounts discovered", "open": "accounts opened", "collect": "tasks collected"}
LOG_EVERY = 15.0
"""Seconds between plain progress lines when stderr is not a terminal."""


def _counts(step: Step) -> str:
    return (
        f"{step.retries} retries (throttling absorbed), {step.gaps} gaps, {step.unopened} accounts not opened"
    )


@contextmanager
def org_progress(
    every: float = LOG_EVERY, clock: Callable[[], float] = time.monotonic
) -> Iterator[Callable[[Step], None]]:
    """A :class:`Step` callback: rich bars on a terminal, one plain line per phase change or ``every`` seconds."""
    from wasp.cli.console import err, safe

    if not err.is_terminal:
        last: dict[str, Any] = {"phase": None, "at": clock()}

        def log(step: Step) -> None:
            now = clock()
            finished = step.total and step.done == step.total
            if step.phase != last["phase"] or finished or now - last["at"] >= every:
                last.update(phase=step.phase, at=now)
                total = step.total or "?"
                click.echo(
                    f"wasp: {PHASES.get(step.phase, step.phase)} {step.done}/{total}; {_counts(step)}",
                    err=True,
                )

        yield log
        return

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[counts]}", style="dim"),
        console=err,
        transient=True,
    )
    with bar:
        tasks: dict[str, Any] = {}

        def show(step: Step) -> None:
            if step.phase not in tasks:
                tasks[step.phase] = bar.add_task(PHASES.get(step.phase, step.phase), total=None, counts="")
            bar.update(
                tasks[step.phase],
                completed=step.done,
                total=step.total or None,
                counts=safe(f"{_counts(step)}  {step.label}"),
            )

        yield show
