"""`wasp scan`'s lines on stderr, written without importing rich where rich would write them as they are.

In CI nothing is a terminal: rich then prints a line unstyled, wrapped only beyond the width (``COLUMNS``, else
80 columns). Such lines are written here directly, so a scan need not import rich (a tenth of a second of a
small scan). Anything else (a terminal, ``FORCE_COLOR``/``TTY_COMPATIBLE``, text rich would wrap or change)
goes through the rich console as before, so the output is the same byte for byte.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import Any

ScanProgress = Callable[[int, int, str], None]


def _direct() -> bool:
    """True when rich would treat stderr as a plain file and could not find a terminal to size itself by."""
    env = os.environ
    if env.get("TTY_COMPATIBLE") or env.get("FORCE_COLOR") is not None:
        return False
    streams = (sys.stdin, sys.stdout, sys.stderr)
    for stream in streams:
        isatty = getattr(stream, "isatty", None)
        try:
            if isatty is not None and isatty():
                return False
        except ValueError:  # a closed stream: let rich decide
            return False
    return all(os.isatty(fd) is False for fd in (0, 1, 2))


def _width() -> int:
    """The width rich wraps at on a plain file (0: unknown, leave it to rich)."""
    columns = os.environ.get("COLUMNS")
    if columns is None:
        return 80
    return int(columns) if columns.isdigit() else 0


def _simple(text: str) -> bool:
    """Text rich prints as it is: printable ASCII without markup brackets or trailing space."""
    return text.isascii() and text.isprintable() and "[" not in text and text == text.rstrip()


def say(prefix: str, value: object, suffix: str = "") -> None:
    """``err.print(f"{prefix}{safe(value)}{suffix}")``: a line of wasp's text around one untrusted value."""
    from wasp.report.safe_text import plain, safe

    text = f"{prefix}{plain(value)}{suffix}"
    if _direct() and _simple(text) and len(text) < _width():
        sys.stderr.write(text + "\n")
        return
    from wasp.cli.console import err

    err.print(f"{prefix}{safe(value)}{suffix}")


def line(text: str) -> None:
    """One whole line, never wrapped (``err.print(plain(...), markup=False, highlight=False, soft_wrap=True)``)."""
    from wasp.report.safe_text import plain

    shown = plain(text)
    if _direct() and _simple(shown):
        sys.stderr.write(shown + "\n")
        return
    from wasp.cli.console import err

    err.print(shown, markup=False, highlight=False, soft_wrap=True)


def progress() -> AbstractContextManager[Any]:
    """The scan's progress bar (None, for no bar, where rich would hide it)."""
    if _direct():
        return nullcontext(None)
    from wasp.cli.console import scan_progress

    return scan_progress()
