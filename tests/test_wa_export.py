"""`wasp wa export` against a Stubber-backed Well-Architected Tool (tests/wa_stub.py): what is written, what is
left alone, idempotence, the risk read-back, dry runs and the Tool's errors."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from wa_review import small_doc
from wa_stub import OTHER_PILLAR, WORKLOAD, FakeTool
from wasp.catalogue import load_catalogue
from wasp.wa.client import Tool, WaToolError
from wasp.wa.export import NewWorkload, export_review
from wasp.wa.notes import NOTES_LIMIT

CAT = load_catalogue()


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return small_doc()


def _tool(fake: FakeTool, **kw: Any) -> Tool:
    return Tool(fake.client, sleep=lambda _s: None, **kw)


def _question(doc: dict[str, Any], qid: str) -> dict[str, Any]:
    found: dict[str, Any] = next(q for q in doc["questions"] if q["id"] == qid)
    return found


def test_export_selects_met_marks_not_applicable_and_leaves_the_rest(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    sec01 = fake.answer("securely-operate")
    met = {p["id"] for p in _question(doc, "SEC01")["best_practices"] if p["status"] == "met"}
    assert met == {"SEC01-BP03", "SEC01-BP07"}
    assert set(sec01["selected"]) == {CAT.practice(bp).choice_id for bp in met}
    # not assessed: unselected, with a note saying so (never selected)
    bp01 = sec01["states"][CAT.practice("SEC01-BP01").choice_id]
    assert bp01["Status"] == "UNSELECTED" and bp01["Notes"].startswith("wasp: not assessed")
    sec10 = fake.answer("incident-response")
    na = sec10["states"][CAT.practice("SEC10-BP05").choice_id]
    assert na["Status"] == "NOT_APPLICABLE" and na["Reason"] == "OUT_OF_SCOPE"
    # a question with failures and nothing met is answered with 'None of these', so the Tool counts it
    assert fake.answer("protect-data-rest")["selected"] == ["sec_protect_data_rest_no"]
    # nothing decided at all: nothing selected, the Tool keeps it unanswered
    assert fake.answer("permissions")["selected"] == []


def test_export_never_touches_another_pillar(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    other = fake.answer(OTHER_PILLAR[1])
    assert other["selected"] == [OTHER_PILLAR[2][0]] and other["notes"] == "answered by people"
    written = {p["QuestionId"] for op, p in fake.calls if op in ("UpdateAnswer", "GetAnswer")}
    assert written == {q.wa_id for q in CAT.questions}
    assert all(p.get("PillarId") == "security" for op, p in fake.calls if op == "ListAnswers")


def test_second_export_of_the_same_review_makes_no_update(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    first = export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    assert len(first.updated) == 11
    fake.calls.clear()
    second = export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    assert "UpdateAnswer" not in fake.ops()
    assert second.updated == [] and len(second.unchanged) == 11


def test_a_changed_practice_updates_only_its_question(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    changed = json.loads(json.dumps(doc))
    for p in _question(changed, "SEC03")["best_practices"]:
        if p["id"] == "SEC03-BP03":
            p["status"], p["reason"] = "met", "attested yes"
    _question(changed, "SEC03")["risk"] = "none"
    fake.calls.clear()
    result = export_review(_tool(fake), changed, CAT, workload_id=WORKLOAD)
    assert result.updated == ["SEC03"]
    assert [p["QuestionId"] for op, p in fake.calls if op == "UpdateAnswer"] == ["permissions"]


def test_the_tool_risk_agrees_except_where_wasp_could_not_assess(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    result = export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    by_q = {c.question: c for c in result.comparisons}
    assert len(by_q) == 11
    for q in doc["questions"]:
        c = by_q[q["id"]]
        pending = [
            p
            for p in q["best_practices"]
            if p["status"] == "not_assessed" and p["risk"] in ("high", "medium")
        ]
        if not pending or q["risk"] in ("unanswered", "not_applicable"):
            assert c.agrees, c.line()
    disagreeing = [c for c in result.comparisons if not c.agrees]
    assert disagreeing, "the small review leaves high-risk practices not assessed in an answered question"
    for c in disagreeing:
        assert "not assessed by wasp and left unselected" in c.why and c.question in c.line()


def test_a_lens_that_weighs_a_practice_differently_is_named(doc: dict[str, Any]) -> None:
    """SEC11 with every practice met but one low-risk one: wasp says NONE; a Tool lens rating that one HIGH
    says HIGH, and the comparison says the lens weighs it differently."""
    changed = json.loads(json.dumps(doc))
    q = _question(changed, "SEC11")
    for p in q["best_practices"]:
        p["status"] = "not_met" if p["id"] == "SEC11-BP08" else "met"
    q["risk"] = "none"
    fake = FakeTool(
        CAT,
        lens={
            "sec_appsec_build_program_that_embeds_security_ownership_in_teams": (
                "application-security",
                "HIGH",
            )
        },
    )
    result = export_review(_tool(fake), changed, CAT, workload_id=WORKLOAD)
    sec11 = next(c for c in result.comparisons if c.question == "SEC11")
    assert (sec11.wasp, sec11.tool) == ("NONE", "HIGH")
    assert "weighs it differently" in sec11.why
    agree = FakeTool(CAT)
    again = export_review(_tool(agree), changed, CAT, workload_id=WORKLOAD)
    assert next(c for c in again.comparisons if c.question == "SEC11").agrees


def test_choice_ids_the_tool_does_not_have_stop_the_export_before_any_write(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    rows = fake.lens["network-protection"]
    fake.lens["network-protection"] = [
        ("sec_network_protection_auto_protect" if c == "sec_network_auto_protect" else c, t, r)
        for c, t, r in rows
    ]
    with pytest.raises(
        WaToolError, match=r"SEC05 \(network-protection\).*SEC05-BP04=sec_network_auto_protect"
    ):
        export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    assert "UpdateAnswer" not in fake.ops()


def test_notes_overflow_is_cut_cleanly_and_names_what_was_cut(doc: dict[str, Any]) -> None:
    big = json.loads(json.dumps(doc))
    q = _question(big, "SEC03")
    for p in q["best_practices"]:
        ids = [f"f-{p['id']}-{n}" for n in range(40)]
        p["status"], p["findings"] = "not_met", ids
        big["findings"] += [
            {
                **doc["findings"][0],
                "id": i,
                "status": "fail",
                "resource": {**doc["findings"][0]["resource"], "id": "r" * 300 + str(n)},
            }
            for n, i in enumerate(ids)
        ]
    for p in q["best_practices"]:
        p["reason"] = "x" * 1500
    fake = FakeTool(CAT)
    export_review(
        _tool(fake), big, CAT, workload_id=WORKLOAD
    )  # the model's 2,084 limit is checked by botocore
    notes = fake.answer("permissions")["notes"]
    assert len(notes) <= NOTES_LIMIT
    last = notes.splitlines()[-1]
    assert last.startswith("[cut for the Tool's 2084-character limit:") and "SEC03-BP09" in last
    shown = [line.split()[0] for line in notes.splitlines()[1:-1]]
    assert all(bp not in last for bp in shown)


def test_create_then_milestone(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT, workloads=())
    spec = NewWorkload(
        "payments-prod", "PRODUCTION", ("eu-west-2",), "platform@example.com", ("111122223333",)
    )
    result = export_review(_tool(fake), doc, CAT, create=spec, milestone="wasp 2026-06")
    assert fake.ops()[0] == "CreateWorkload" and "GetWorkload" not in fake.ops()
    create = fake.calls[0][1]
    assert create["Lenses"] == ["wellarchitected"] and create["AccountIds"] == ["111122223333"]
    assert result.workload_id in fake.workloads and result.milestone == 1
    assert fake.ops().index("CreateMilestone") > max(
        i for i, op in enumerate(fake.ops()) if op == "UpdateAnswer"
    )


def test_dry_run_prints_every_call_and_makes_none(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT, workloads=())
    out = io.StringIO()
    spec = NewWorkload("payments-prod", "PREPRODUCTION", ("eu-west-2",), "platform@example.com")
    export_review(_tool(fake, dry_run=True, out=out), doc, CAT, create=spec, milestone="wasp 2026-06")
    assert fake.calls == []  # nothing reached the client
    lines = out.getvalue().splitlines()
    ops = [line.split(" ", 1)[0] for line in lines]
    assert ops[0] == "CreateWorkload" and ops.count("UpdateAnswer") == 11 and "CreateMilestone" in ops
    assert ops[-1] == "ListAnswers"
    for line in lines:
        params = json.loads(line.split(" ", 1)[1])
        assert isinstance(params, dict)
    update = json.loads(lines[ops.index("UpdateAnswer")].split(" ", 1)[1])
    assert (
        update["QuestionId"] == "securely-operate"
        and update["WorkloadId"] == "<WorkloadId from CreateWorkload>"
    )


def test_dry_run_parameters_are_checked_against_the_model(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    with pytest.raises(WaToolError, match=r"CreateMilestone failed: .*MilestoneName"):
        export_review(
            _tool(fake, dry_run=True, out=io.StringIO()), doc, CAT, workload_id=WORKLOAD, milestone="m1"
        )


def test_the_read_back_pages_through_the_answers(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT, page_size=4)
    result = export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    tokens = [p.get("NextToken") for op, p in fake.calls if op == "ListAnswers"]
    assert tokens == [None, "t4", "t8"] and len(result.comparisons) == 11


def test_a_question_without_a_none_of_these_choice_stops_before_writing(doc: dict[str, Any]) -> None:
    fake = FakeTool(CAT)
    fake.lens["protect-data-rest"] = [
        row for row in fake.lens["protect-data-rest"] if row[1] != "None of these"
    ]
    with pytest.raises(
        WaToolError, match=r"no 'None of these' choice for SEC08 \(sec_protect_data_rest_no\)"
    ):
        export_review(_tool(fake), doc, CAT, workload_id=WORKLOAD)
    assert "UpdateAnswer" not in fake.ops()


def test_a_review_from_another_catalogue_version_is_refused(doc: dict[str, Any]) -> None:
    old = {**doc, "catalogue_version": "2023.1"}
    with pytest.raises(WaToolError, match=r"catalogue 2023\.1"):
        export_review(_tool(FakeTool(CAT)), old, CAT, workload_id=WORKLOAD)
