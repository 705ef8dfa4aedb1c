"""The notes wasp writes on an answer: the evidence in words, within the Tool's limits, cut cleanly."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

NOTES_LIMIT = 2084
"""The Tool's limit on an answer's Notes (characters)."""

CHOICE_NOTES_LIMIT = 250
"""The Tool's limit on one choice's Notes."""

LINE_LIMIT = 400
"""No one practice's line takes more than this, so one huge resource name cannot crowd out the rest."""

NOT_ASSESSED_MARK = "wasp: not assessed"
"""How a not-assessed practice's choice note starts: the import reads it to leave that practice unattested."""

TOP_RESOURCES = 3
"""Failing resources named per practice."""


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fit(header: str, lines: Sequence[tuple[str, str]], limit: int = NOTES_LIMIT) -> str:
    """The header and as many (practice id, line) lines as fit, in order; when some do not fit, a last line
    names the practices cut, so nothing disappears unannounced."""
    kept: list[str] = [clip(header, LINE_LIMIT)]
    for n, (_, line) in enumerate(lines):
        candidate = [*kept, clip(line, LINE_LIMIT)]
        rest = [bp for bp, _ in lines[n + 1 :]]
        tail = _cut_line(rest) if rest else ""
        if len("\n".join(candidate)) + (len(tail) + 1 if tail else 0) > limit:
            cut = [bp for bp, _ in lines[n:]]
            kept.append(_cut_line(cut))
            text = "\n".join(kept)
            return text if len(text) <= limit else text[: limit - 1] + "…"
        kept = candidate
    return "\n".join(kept)


def _cut_line(practices: Sequence[str]) -> str:
    return f"[cut for the Tool's {NOTES_LIMIT}-character limit: {', '.join(practices)}; see review.json]"


def practice_line(practice: Mapping[str, Any], findings: Mapping[str, Mapping[str, Any]]) -> str:
    """One practice in words: its status, the failing findings' count and the first resources they name."""
    status = str(practice["status"]).replace("_", " ")
    line = f"{practice['id']} {status}"
    failing = [
        findings[f] for f in practice.get("findings", []) if findings.get(f, {}).get("status") == "fail"
    ]
    if failing:
        names: list[str] = []
        for f in failing:
            name = str(f["resource"].get("id") or f["resource"].get("address") or "?")
            if name not in names:
                names.append(name)
        shown = ", ".join(names[:TOP_RESOURCES]) + (
            f" +{len(names) - TOP_RESOURCES} more" if len(names) > 3 else ""
        )
        line += f": {len(failing)} failing finding(s) on {shown}"
    else:
        line += f": {practice.get('reason', '')}"
    if practice["status"] == "not_assessed":
        line += " (left unselected)"
    return line
