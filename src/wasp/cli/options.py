"""Parsing of comma-separated command-line options."""

from __future__ import annotations


def csv_list(value: str | None) -> tuple[str, ...]:
    """'a, b,,c' -> ('a', 'b', 'c'); None or blank -> ()."""
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())
