"""Security Hub controls (FSBP and CIS) mapped to the pillar's best practices and to wasp's own rules.

The data file ``data/securityhub-controls.csv`` holds one row per control: its id (the consolidated security
control id, e.g. ``S3.8``; legacy CIS rule numbers as ``CIS.<n>``), its title, the best practices it
evidences, and the wasp rules that check the same property (empty where Security Hub is the only evidence).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DATA = "securityhub-controls.csv"


@dataclass(frozen=True)
class Control:
    """One Security Hub control and what it evidences."""

    id: str
    title: str
    best_practices: tuple[str, ...]
    wasp_rules: tuple[str, ...]


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


@cache
def load_controls() -> dict[str, Control]:
    """Every mapped control by id."""
    text = resources.files("wasp.catalogue").joinpath("data", _DATA).read_text(encoding="utf-8")
    out: dict[str, Control] = {}
    for row in csv.DictReader(io.StringIO(text)):
        cid = row["control_id"].strip()
        out[cid] = Control(
            cid, row["title"].strip(), _split(row["best_practices"]), _split(row["wasp_rules"])
        )
    return out
