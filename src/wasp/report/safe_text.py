"""Text from a review, a template or the cloud, made safe for the terminal, for CSV and for Markdown.

Resource names, tags, messages, waiver reasons and file names are chosen by whoever controls the account or the
repository. Printed as they are, ``web[/]`` crashes rich's markup parser, ``[bold red]`` restyles the output,
an ANSI escape clears the screen or retitles the terminal, ``=HYPERLINK(...)`` runs as a spreadsheet formula
and ``![x](http://...)`` makes a Markdown viewer fetch a URL. Every writer passes such text through one
function here.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, DCS...: titles, links
    r"|\x1b[ -/]*[0-~]"  # every other escape sequence
)
"""ANSI/ECMA-48 escape sequences, in their 7-bit (ESC ...) and 8-bit (C1) forms."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Control characters other than newline and tab, and the bidirectional overrides ("Trojan Source")."""

_VISIBLE = str.maketrans(
    {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x85": "\\n", "\u2028": "\\n", "\u2029": "\\n"}
)

CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""Cell starts a spreadsheet reads as a formula (OWASP CSV injection guidance)."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def plain(text: Any) -> str:
    """One line of text for a terminal: escape sequences and control characters removed, line breaks shown as
    ``\\n``, ``\\r``, ``\\t``. Use it where output is not rich markup (``markup=False``, ``click.echo``)."""
    s = str(text)
    if s.isprintable():
        return s
    return _CONTROL.sub("", _SEQUENCE.sub("", s).translate(_VISIBLE))


def safe(text: Any) -> str:
    """``plain`` text escaped for rich markup: ``web[/]`` and ``[bold red]x`` print as they read."""
    from rich.markup import escape  # here, so that writers of plain text need not import rich

    return escape(plain(text))


def without_controls(text: str) -> str:
    """Text with escape sequences and control characters removed, keeping newlines and tabs (CRLF becomes LF)."""
    if text.isprintable():
        return text
    return _CONTROL.sub("", _SEQUENCE.sub("", text.replace("\r\n", "\n")))


def csv_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs: control characters removed, and text starting with ``=``, ``+``,
    ``-``, ``@``, tab or CR prefixed with ``'`` so it stays text. Numbers and booleans pass unchanged."""
    if not isinstance(value, str):
        return value
    cleaned = without_controls(value)
    if value.startswith(CSV_FORMULA_START) or cleaned.startswith(CSV_FORMULA_START):
        return "'" + cleaned
    return cleaned


class CsvWriter:
    """``csv.writer`` with every cell through ``csv_cell``: the only way wasp writes CSV."""

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> None:
        """Write one row, each cell neutralised (ordinary text is passed through without a call)."""
        self._writer.writerow(
            [
                v
                if v.__class__ is not str or (v.isprintable() and not v.startswith(CSV_FORMULA_START))
                else csv_cell(v)
                for v in row
            ]
        )


def md_cell(value: Any) -> str:
    """Text for Markdown (a table cell, a list item, a heading): one line, HTML-escaped, and with the characters
    that make links, images, emphasis, code and table cells backslash-escaped, so it renders as it reads."""
    s = without_controls(str(value)).replace("\n", " ").replace("\t", " ")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def md_code(value: Any) -> str:
    """A Markdown code span around text of any content (the fence is longer than any backtick run inside)."""
    s = without_controls(str(value)).replace("\n", " ").replace("\t", " ")
    longest = max((len(run) for run in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s.startswith("`") or s.endswith("`") or not s.strip() else ""
    return f"{fence}{pad}{s}{pad}{fence}"
