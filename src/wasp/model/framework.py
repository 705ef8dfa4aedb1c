"""Compliance frameworks as data: controls mapped to best practices, each with a rationale."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Control:
    """One control (principle, theme, Annex A control, article paragraph) and the practices evidencing it."""

    id: str
    title: str
    best_practices: tuple[str, ...]
    rationale: str


@dataclass(frozen=True)
class Framework:
    """A framework and its mapped controls."""

    id: str
    name: str
    version: str
    note: str
    controls: tuple[Control, ...]
