"""The catalogue: 11 questions, 63 best practices with the current numbering and risks."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from wasp.catalogue import load_catalogue
from wasp.catalogue.loader import CatalogueError, parse_catalogue
from wasp.model import EvidenceMode, Risk

WA_IDS = [
    "securely-operate",
    "identities",
    "permissions",
    "detect-investigate-events",
    "network-protection",
    "protect-compute",
    "data-classification",
    "protect-data-rest",
    "protect-data-transit",
    "incident-response",
    "application-security",
]
REFERENCE = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "security-pillar-best-practices.csv"
)


def test_counts_and_risks() -> None:
    cat = load_catalogue()
    assert len(cat.questions) == 11
    assert len(cat.best_practices) == 63
    assert Counter(bp.risk for bp in cat.best_practices) == {Risk.HIGH: 30, Risk.MEDIUM: 28, Risk.LOW: 5}
    assert [q.wa_id for q in cat.questions] == WA_IDS
    assert len(cat.areas) == 7
    assert len(cat.principles) == 7


def test_every_practice_has_mode_prompt_choice_and_principle() -> None:
    cat = load_catalogue()
    linked = {b for p in cat.principles for b in p.best_practices}
    for bp in cat.best_practices:
        assert re.fullmatch(r"SEC(0[1-9]|1[01])-BP0[1-9]", bp.id)
        assert bp.choice_id.startswith("sec_")
        assert bp.prompt.endswith("?") and len(bp.prompt) > 30
        assert isinstance(bp.evidence_mode, EvidenceMode)
        assert bp.id in linked, f"{bp.id} expresses no design principle"
    assert {q.area for q in cat.questions} == {a.id for a in cat.areas}


def test_questions_own_their_practices_in_order() -> None:
    cat = load_catalogue()
    for q in cat.questions:
        assert all(b.startswith(q.id + "-") for b in q.best_practices)
        assert list(q.best_practices) == sorted(q.best_practices)


@pytest.mark.skipif(not REFERENCE.exists(), reason="shared reference catalogue not beside the checkout")
def test_matches_the_reference_csv() -> None:
    cat = load_catalogue()
    with REFERENCE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["bp_id"] for r in rows] == [bp.id for bp in cat.best_practices]
    for row in rows:
        bp = cat.practice(row["bp_id"])
        assert (bp.title, bp.risk.value, bp.choice_id) == (
            row["bp_title"],
            row["risk"].lower(),
            row["doc_slug"],
        )


def test_inconsistent_catalogue_is_rejected() -> None:
    doc = {
        "version": "x",
        "as_of": "x",
        "source": "x",
        "areas": [{"id": "a", "title": "A", "questions": ["SEC01"]}],
        "design_principles": [{"id": "p", "title": "P", "best_practices": ["SEC09-BP09"]}],
        "questions": [
            {
                "id": "SEC01",
                "wa_id": "w",
                "title": "t",
                "area": "a",
                "best_practices": [
                    {
                        "id": "SEC01-BP01",
                        "title": "t",
                        "risk": "high",
                        "choice_id": "c",
                        "evidence_mode": "automated",
                        "prompt": "p?",
                    }
                ],
            }
        ],
    }
    with pytest.raises(CatalogueError, match="unknown practices"):
        parse_catalogue(doc)
