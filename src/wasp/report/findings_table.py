"""The data of the HTML report's findings table: every finding, compact, as one JSON blob the page filters.

Each finding becomes one row of indexes into a table of distinct strings, so a value repeated across findings
(a rule, a region, a status, often a message or the evidence) is written once; the page reads the blob once,
filters in memory and renders one page of rows at a time, so 100k findings never become 100k DOM rows.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from wasp.report.doc_types import FindingDoc, ResourceDoc, ReviewDoc
from wasp.report.plan_view import severity_rank
from wasp.report.safe_text import without_controls
from wasp.report.sources import source_label, source_of

COLUMNS = (
    "id",
    "status",
    "severity",
    "rule",
    "best_practices",
    "type",
    "resource",
    "account",
    "region",
    "where",
    "message",
    "evidence",
    "observed_at",
    "waiver",
    "source",
)
"""The fields of each row, in order; the page's script reads them by name."""

STATUS_ORDER = ("fail", "unknown", "waived", "pass")

_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)
"""JSON inside <script>: no ``</script>`` or ``<!--`` can close or change the element, whatever the account
named its resources. (str.replace, not str.translate: translate with a mapping is ~50x slower on megabytes.)"""


def script_json(data: Any) -> Markup:
    """``data`` as JSON that is safe verbatim inside ``<script type="application/json">``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_SAFE:
        text = text.replace(char, escaped)
    return Markup(text)


_EVIDENCE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)
"""One encoder for every finding's evidence (a reused encoder runs in C; a new one per call does not)."""


def _rank(f: FindingDoc) -> tuple[int, int, str, str]:
    status = f.get("status")
    severity = f.get("severity")
    return (
        STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER),
        severity_rank(severity),
        str(f.get("rule", "")),
        str(f.get("id", "")),
    )


def _where(resource: ResourceDoc) -> str:
    if not resource.get("file"):
        return ""
    line = resource.get("line")
    return f"{resource['file']}:{line}" if line else str(resource["file"])


def _fields(f: FindingDoc) -> tuple[Any, ...]:
    r = f["resource"]
    return (
        f.get("id"),
        f.get("status"),
        f.get("severity"),
        f.get("rule"),
        ",".join(f.get("best_practices") or ()),
        r.get("type"),
        r.get("arn") or r.get("id"),
        r.get("account"),
        r.get("region"),
        _where(r),
        f.get("message"),
        _EVIDENCE.encode(f.get("evidence") or {}),
        f.get("observed_at"),
        f.get("waiver"),
        source_label(source_of(f)),
    )


def findings_table(review: ReviewDoc) -> Markup:
    """Every finding of the review, failing first and most severe first, as script-safe JSON:
    ``{"columns": [...], "strings": [...], "rows": [[string index per column], ...]}`` (index 0 is ""). The
    evidence column holds each finding's evidence as JSON text; the page shows it as property paths and values."""
    strings: list[str] = [""]
    seen: dict[str, int] = {"": 0}
    index: dict[Any, int] = {"": 0, None: 0}

    def add(value: Any) -> int:
        text = without_controls(str(value))
        i = seen.get(text)
        if i is None:
            i = seen[text] = len(strings)
            strings.append(text)
        index[value] = i
        return i

    rows = []
    for f in sorted(review["findings"], key=_rank):
        row = []
        for value in _fields(f):
            i = index.get(value)
            row.append(add(value) if i is None else i)
        rows.append(row)
    return script_json({"columns": COLUMNS, "strings": strings, "rows": rows})
