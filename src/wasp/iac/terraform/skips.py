"""Inline skips in Terraform comments: ``# wasp:skip=RULE reason="..." expires=YYYY-MM-DD``."""

from __future__ import annotations

import re
from typing import Any

_SKIP = re.compile(r"wasp:skip=([\w\-]+)(.*)")
_KV = re.compile(r'(\w+)=("([^"]*)"|\S+)')
_COMMENT_SKIP = re.compile(r"(#|//)\s*wasp:skip=")


def comment_skips(lines: list[str], start: int, end: int) -> list[dict[str, Any]]:
    """``# wasp:skip=RULE reason="..." expires=YYYY-MM-DD`` inside a block or in the comments just above it."""
    first = start
    while first > 1 and lines[first - 2].lstrip().startswith(("#", "//")):
        first -= 1
    out = []
    for number in range(first, end + 1):
        text = lines[number - 1] if number - 1 < len(lines) else ""
        m = _SKIP.search(text) if "wasp:skip=" in text else None
        if m is None or not _COMMENT_SKIP.search(text):
            continue
        fields = {k: (q if v.startswith('"') else v) for k, v, q in _KV.findall(m.group(2))}
        out.append(
            {
                "rule": m.group(1),
                "reason": fields.get("reason"),
                "expires": fields.get("expires"),
                "line": number,
            }
        )
    return out
