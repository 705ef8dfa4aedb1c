"""Load the pillar catalogue from the YAML shipped in the package, checking that it hangs together."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from wasp.model import (
    Area,
    BestPractice,
    Catalogue,
    DesignPrinciple,
    EvidenceMode,
    Question,
    Risk,
)

_DATA = "security_pillar.yaml"


class CatalogueError(ValueError):
    """The packaged catalogue is inconsistent (a bug in wasp, not in user input)."""


def _practices(question: dict[str, Any]) -> list[BestPractice]:
    return [
        BestPractice(
            id=bp["id"],
            question=question["id"],
            title=bp["title"],
            risk=Risk(bp["risk"]),
            choice_id=bp["choice_id"],
            evidence_mode=EvidenceMode(bp["evidence_mode"]),
            prompt=bp["prompt"],
        )
        for bp in question["best_practices"]
    ]


def parse_catalogue(doc: dict[str, Any]) -> Catalogue:
    """Build a catalogue from its data, checking ids and cross-references."""
    questions: list[Question] = []
    practices: list[BestPractice] = []
    for q in doc["questions"]:
        bps = _practices(q)
        practices.extend(bps)
        questions.append(Question(q["id"], q["wa_id"], q["title"], q["area"], tuple(bp.id for bp in bps)))
    areas = tuple(Area(a["id"], a["title"], tuple(a["questions"])) for a in doc["areas"])
    principles = tuple(
        DesignPrinciple(p["id"], p["title"], tuple(p["best_practices"])) for p in doc["design_principles"]
    )
    cat = Catalogue(
        version=str(doc["version"]),
        as_of=str(doc["as_of"]),
        source=doc["source"],
        areas=areas,
        questions=tuple(questions),
        best_practices=tuple(practices),
        principles=principles,
    )
    _check(cat)
    return cat


def _check(cat: Catalogue) -> None:
    ids = [bp.id for bp in cat.best_practices]
    if len(ids) != len(set(ids)):
        raise CatalogueError("duplicate best-practice ids in the catalogue")
    q_ids = {q.id for q in cat.questions}
    area_ids = {a.id for a in cat.areas}
    for q in cat.questions:
        if q.area not in area_ids:
            raise CatalogueError(f"question {q.id} names unknown area {q.area}")
    for a in cat.areas:
        if not set(a.questions) <= q_ids:
            raise CatalogueError(f"area {a.id} names unknown questions")
    for p in cat.principles:
        unknown = set(p.best_practices) - set(ids)
        if unknown:
            raise CatalogueError(f"design principle {p.id} names unknown practices {sorted(unknown)}")


@cache
def load_catalogue() -> Catalogue:
    """The Security Pillar catalogue shipped with wasp."""
    text = resources.files("wasp.catalogue").joinpath("data", _DATA).read_text(encoding="utf-8")
    return parse_catalogue(yaml.safe_load(text))
