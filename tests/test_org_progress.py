"""Progress of long reviews when stderr is not a terminal: a line per phase, at its end, and every N seconds."""

from __future__ import annotations

import pytest

from wasp.cli.org_progress import org_progress
from wasp.org.collect import Step


def test_plain_lines_per_phase_at_the_end_and_periodically(capsys: pytest.CaptureFixture[str]) -> None:
    now = [0.0]
    with org_progress(every=10.0, clock=lambda: now[0]) as show:
        show(Step("discover", 0, 0))
        show(Step("discover", 40, 40, "40 accounts"))
        for done in range(1, 40):
            now[0] += 1.0
            show(Step("collect", done, 40, f"111122223333/eu-west-2/s3 #{done}", retries=done // 10, gaps=1))
        show(Step("collect", 40, 40, "last", retries=7, gaps=2, unopened=1))
    lines = capsys.readouterr().err.splitlines()
    assert (
        lines[0]
        == "wasp: accounts discovered 0/?; 0 retries (throttling absorbed), 0 gaps, 0 accounts not opened"
    )
    assert lines[1].startswith("wasp: accounts discovered 40/40")
    collect = [line for line in lines if "tasks collected" in line]
    # the first collect step, then one line per 10 s (at 11 s, 21 s, 31 s), then the finished phase
    assert [line.split(";")[0] for line in collect] == [
        "wasp: tasks collected 1/40",
        "wasp: tasks collected 11/40",
        "wasp: tasks collected 21/40",
        "wasp: tasks collected 31/40",
        "wasp: tasks collected 40/40",
    ]
    assert collect[-1].endswith("7 retries (throttling absorbed), 2 gaps, 1 accounts not opened")
