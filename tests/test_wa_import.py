"""`wasp wa import`: people's answers in the Tool become attestations, and a review exported to the Tool and
imported back decides every practice as before."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import NOW
from wa_review import ATTESTATIONS, small_doc, small_review
from wa_stub import UPDATED, WORKLOAD, FakeTool
from wasp.attest.loader import load_attestations
from wasp.catalogue import load_catalogue
from wasp.wa.client import Tool, WaToolError
from wasp.wa.export import export_review
from wasp.wa.importer import check_document, import_answers, importable

CAT = load_catalogue()


def _tool(fake: FakeTool) -> Tool:
    return Tool(fake.client, sleep=lambda _s: None)


def _covered(doc: dict[str, Any]) -> frozenset[str]:
    return frozenset(p["id"] for q in doc["questions"] for p in q["best_practices"] if p.get("rules"))


def _statuses(doc: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {p["id"]: (p["status"], p.get("na_reason")) for q in doc["questions"] for p in q["best_practices"]}


def test_export_then_import_reproduces_every_decision(tmp_path: Path) -> None:
    from wasp.report import review_dict

    before = small_doc()
    fake = FakeTool(CAT)
    export_review(_tool(fake), before, CAT, workload_id=WORKLOAD)
    doc = import_answers(_tool(fake), CAT, WORKLOAD, with_rules=_covered(before))
    check_document(doc)
    path = tmp_path / "attestations.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    imported = load_attestations(path, CAT)
    after = review_dict(small_review(tuple(imported)))
    assert _statuses(after) == _statuses(before)
    assert [q["risk"] for q in after["questions"]] == [q["risk"] for q in before["questions"]]
    # the round trip is not vacuous: yes, no and not applicable all came back from the Tool
    answers = {a.answer.value for a in imported}
    assert {"yes", "no", "not_applicable"} <= answers


def test_imported_attestations_carry_owner_date_expiry_reason_and_notes() -> None:
    before = small_doc()
    fake = FakeTool(CAT)
    export_review(_tool(fake), before, CAT, workload_id=WORKLOAD)
    fake.answer("incident-response")["notes"] = "Runbooks reviewed by the IR team."
    doc = import_answers(_tool(fake), CAT, WORKLOAD, expiry_days=90, with_rules=_covered(before))
    entries = doc["attestations"]
    yes = entries["SEC01-BP03"]
    assert yes["answer"] == "yes" and yes["owner"] == "platform-team@example.com"
    assert yes["date"] == UPDATED.date().isoformat()
    assert yes["expires"] == (UPDATED.date() + dt.timedelta(days=90)).isoformat()
    assert yes["evidence"] and WORKLOAD in yes["evidence"][0] and "securely-operate" in yes["evidence"][0]
    na = entries["SEC10-BP05"]
    assert na["answer"] == "not_applicable" and na["reason"] == "out_of_scope"
    assert "Runbooks reviewed by the IR team." in na["notes"]
    assert entries["SEC01-BP04"]["answer"] == "no"  # 'partial' was unselected in the Tool
    # automated practices with rules are never attested, and not-assessed ones stay unattested
    assert "SEC05-BP02" not in entries
    assert "SEC01-BP05" not in entries and "SEC10-BP02" not in entries


def test_people_s_answers_made_in_the_tool_are_imported() -> None:
    fake = FakeTool(CAT)
    a = fake.answer("application-security")
    a["selected"] = ["sec_appsec_train_for_application_security", "sec_appsec_manual_code_reviews"]
    a["states"]["sec_appsec_perform_regular_penetration_testing"] = {
        "Status": "NOT_APPLICABLE",
        "Reason": "ARCHITECTURE_CONSTRAINTS",
        "Notes": "no public surface",
    }
    fake.answer("data-classification").update(applicable=False, reason="BUSINESS_PRIORITIES")
    doc = import_answers(_tool(fake), CAT, WORKLOAD)
    check_document(doc)
    e = doc["attestations"]
    assert e["SEC11-BP01"]["answer"] == "yes" and e["SEC11-BP04"]["answer"] == "yes"
    assert e["SEC11-BP03"] == {
        **e["SEC11-BP03"],
        "answer": "not_applicable",
        "reason": "architecture_constraints",
    }
    assert e["SEC11-BP08"]["answer"] == "no"
    assert {e[bp]["answer"] for bp in ("SEC07-BP01", "SEC07-BP02", "SEC07-BP04")} == {"not_applicable"}
    assert e["SEC07-BP01"]["reason"] == "business_priorities"
    assert not any(bp.startswith("SEC02") for bp in e)  # unanswered question: nothing attested


def test_import_reads_a_milestone_with_its_recorded_date() -> None:
    before = small_doc()
    fake = FakeTool(CAT)
    export_review(_tool(fake), before, CAT, workload_id=WORKLOAD, milestone="baseline")
    fake.answer("securely-operate")["selected"] = []  # changed after the milestone
    fake.workloads[WORKLOAD]["milestones"][0]["at"] = dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC)
    fake.calls.clear()
    doc = import_answers(_tool(fake), CAT, WORKLOAD, milestone=1, with_rules=_covered(before))
    assert doc["attestations"]["SEC01-BP03"]["answer"] == "yes"
    assert doc["attestations"]["SEC01-BP03"]["date"] == "2026-04-01"
    assert all(p.get("MilestoneNumber") == 1 for op, p in fake.calls if op in ("ListAnswers", "GetAnswer"))


def test_only_practices_wasp_cannot_evidence_are_importable() -> None:
    some = importable(CAT, frozenset({"SEC05-BP02", "SEC01-BP08"}))
    assert "SEC05-BP02" not in some
    assert "SEC01-BP03" in some  # attested
    assert {bp.id for bp in CAT.best_practices if bp.evidence_mode.value != "automated"} <= some


def test_an_invalid_document_is_refused_naming_the_practice() -> None:
    bad = {
        "schema": "wasp.attestations/1",
        "attestations": {"SEC01-BP03": {"answer": "yes", "owner": "x", "date": "2026-01-01"}},
    }
    with pytest.raises(WaToolError, match="attestation schema"):
        check_document(bad)
    with pytest.raises(WaToolError, match="attestation schema"):
        check_document({"schema": "wasp.attestations/1", "attestations": {"SEC99-BP01": {}}})


def test_attestation_dates_are_current_at_the_review_time() -> None:
    assert UPDATED.date() <= NOW.date() < UPDATED.date() + dt.timedelta(days=365)
    assert ATTESTATIONS
