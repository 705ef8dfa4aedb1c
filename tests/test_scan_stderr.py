"""`wasp scan` writes its stderr lines without rich where rich would print them as they are: same bytes."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from wasp.cli import scan_stderr
from wasp.report.safe_text import plain, safe

VALUES = [
    "out/r.json",
    "a" * 60,
    "b" * 73,
    "c" * 74,
    "d" * 80,
    "e" * 200,
    "web[/]",
    "[bold red]x",
    "caf\u00e9/\u5168\u89d2.json",
    "trailing space ",
    "tab\there",
    "esc\x1b[31mred",
    "two words " * 12,
]


def _rich(print_args: list[tuple[str, dict[str, bool]]]) -> str:
    buf = io.StringIO()
    console = Console(file=buf, emoji=False, width=80)
    for text, kwargs in print_args:
        console.print(text, **kwargs)  # type: ignore[arg-type]
    return buf.getvalue()


@pytest.mark.parametrize("direct", [True, False])
def test_say_and_line_write_what_rich_writes(
    direct: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(scan_stderr, "_direct", lambda: direct)
    expected = []
    for value in VALUES:
        scan_stderr.say("wrote ", value)
        expected.append((f"wrote {safe(value)}", {}))
        scan_stderr.say("wrote ", value, " (3 finding(s))")
        expected.append((f"wrote {safe(value)} (3 finding(s))", {}))
        scan_stderr.line(f"wasp: note: {value}")
        expected.append(
            (plain(f"wasp: note: {value}"), {"markup": False, "highlight": False, "soft_wrap": True})
        )
    assert capsys.readouterr().err == _rich(expected)


def test_direct_only_without_a_terminal_or_forced_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert scan_stderr._direct() is False
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert scan_stderr._direct() is False
