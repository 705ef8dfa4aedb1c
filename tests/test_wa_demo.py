"""End to end: the demo review exported into the (Stubber-backed) Tool and imported back as attestations; the
slow test then reviews the demo again with those attestations: every practice is decided as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from wa_stub import WORKLOAD, FakeTool
from wasp.catalogue import load_catalogue
from wasp.wa.client import Tool
from wasp.wa.export import export_review
from wasp.wa.importer import check_document, import_answers

CAT = load_catalogue()
EXPECTED = {"met": "yes", "not_met": "no", "not_applicable": "not_applicable"}
"""What each decision comes back as, for the practices an attestation decides (not assessed: nothing)."""


def _statuses(doc: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {p["id"]: (p["status"], p.get("na_reason")) for q in doc["questions"] for p in q["best_practices"]}


def _round_trip(demo_doc: dict[str, Any]) -> dict[str, Any]:
    fake = FakeTool(CAT)
    result = export_review(Tool(fake.client), demo_doc, CAT, workload_id=WORKLOAD, milestone="demo")
    assert len(result.updated) == 11 and result.milestone == 1
    for c in result.comparisons:  # every disagreement is explained by practices wasp could not assess
        assert c.agrees or "not assessed by wasp" in c.why, c.line()
    covered = frozenset(p["id"] for q in demo_doc["questions"] for p in q["best_practices"] if p.get("rules"))
    doc = import_answers(Tool(fake.client), CAT, WORKLOAD, milestone=1, with_rules=covered)
    check_document(doc)
    return doc


def test_demo_review_exports_and_imports_back_practice_by_practice(demo_doc: dict[str, Any]) -> None:
    doc = _round_trip(demo_doc)
    entries = doc["attestations"]
    checked = 0
    for q in demo_doc["questions"]:
        for p in q["best_practices"]:
            if p.get("rules") and p["evidence_mode"] == "automated":
                assert p["id"] not in entries
                continue
            if p["status"] == "not_assessed":
                assert p["id"] not in entries, p["id"]
                continue
            assert entries[p["id"]]["answer"] == EXPECTED[p["status"]], p["id"]
            if p["status"] == "not_applicable":
                assert entries[p["id"]]["reason"] == p["na_reason"]
            checked += 1
    assert checked >= 5


@pytest.mark.slow
def test_demo_reviewed_again_with_the_imported_attestations_decides_the_same(
    demo_doc: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wasp.demo import run as demo_run
    from wasp.report import review_dict

    text = yaml.safe_dump(_round_trip(demo_doc), sort_keys=False)
    monkeypatch.setattr(demo_run, "demo_attestations", lambda _today: text)
    again = review_dict(demo_run.run_demo(tmp_path / "again").run.review)
    assert _statuses(again) == _statuses(demo_doc)
    assert [q["risk"] for q in again["questions"]] == [q["risk"] for q in demo_doc["questions"]]
