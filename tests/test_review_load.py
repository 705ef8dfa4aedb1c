"""Loading a review: the compiled validator accepts and refuses what the JSON Schema does, and says where, in one line
that never echoes the file; reviews read from the store take the same path."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wasp.errors import InputError
from wasp.report.base import _fast_document, load_review, review_document
from wasp.schemas import schema
from wasp.schemas.validate import SchemaMismatch, validate

CANARY = "CANARYq7Zx3SECRET"


def _practice(q: int) -> dict[str, Any]:
    return {
        "id": f"SEC{q:02d}-BP01",
        "title": "t",
        "risk": "high",
        "evidence_mode": "hybrid",
        "status": "met",
        "reason": "r",
        "na_reason": None,
        "rules": ["r1"],
        "findings": ["f-0000000000000001"],
        "attestation": {
            "answer": "yes",
            "owner": "o",
            "date": "2026-01-01",
            "expires": None,
            "evidence": [],
            "reason": None,
            "notes": "",
            "source": None,
        },
        "contradicted": False,
    }


def small_review() -> dict[str, Any]:
    """A valid wasp.review/1 document with one of every object (no demo run needed)."""
    remediation = {"console": "c", "cli": "aws x", "cloudformation": "cf", "terraform": "tf"}
    return {
        "schema": "wasp.review/1",
        "workload": "w",
        "catalogue_version": "1",
        "generated_at": "2026-01-01T00:00:00+00:00",
        "scope": {"accounts": ["111122223333"]},
        "summary": {
            "high_risk_questions": 0,
            "medium_risk_questions": 0,
            "incomplete_questions": 0,
            "best_practices": {"met": 11, "not_met": 0, "not_applicable": 0, "not_assessed": 0},
            "findings": {"pass": 0, "fail": 1, "unknown": 0, "waived": 0},
            "gaps": 1,
            "contradicted_attestations": 0,
            "expired_attestations": 1,
        },
        "questions": [
            {
                "id": f"SEC{q:02d}",
                "title": "t",
                "area": "a",
                "risk": "none",
                "incomplete": False,
                "best_practices": [_practice(q)],
            }
            for q in range(1, 12)
        ],
        "areas": [{"id": "a", "title": "A", "counts": {"met": 1}, "risk": "none"}],
        "design_principles": [{"id": "p", "title": "P", "counts": {"met": 1}}],
        "findings": [
            {
                "id": "f-0000000000000001",
                "rule": "r1",
                "best_practices": ["SEC01-BP01"],
                "status": "fail",
                "severity": "high",
                "resource": {
                    "type": "AWS::S3::Bucket",
                    "id": "b",
                    "arn": None,
                    "account": "111122223333",
                    "region": "eu-west-2",
                    "file": None,
                    "line": None,
                    "address": None,
                },
                "message": "m",
                "evidence": {"Path": 1},
                "observed_at": "2026-01-01T00:00:00+00:00",
                "public_exposure": False,
                "waiver": None,
            }
        ],
        "gaps": [
            {
                "account": "111122223333",
                "region": "eu-west-2",
                "service": "s3",
                "operation": "ListBuckets",
                "error": "access_denied",
                "message": "m",
                "resource_types": ["AWS::S3::Bucket"],
                "resource_id": None,
                "rules": ["r1"],
            }
        ],
        "improvement_plan": [
            {
                "rank": 1,
                "question": "SEC01",
                "best_practice": "SEC01-BP01",
                "title": "t",
                "risk": "high",
                "owner": None,
                "action": "a",
                "affected_resources": 1,
                "public_exposure": False,
                "findings": ["f-0000000000000001"],
                "remediation": [{"rule": "r1", **remediation}],
            }
        ],
        "rules": [
            {
                "id": "r1",
                "title": "t",
                "severity": "high",
                "description": "d",
                "best_practices": ["SEC01-BP01"],
                "resource_type": "AWS::S3::Bucket",
                "public_exposure": False,
                "remediation": remediation,
            }
        ],
        "waivers": [
            {"id": "w1", "owner": "o", "reason": "r", "expires": "2027-01-01", "expired": False, "source": None,
             "findings": 0}
        ],
        "expired_attestations": [
            {"best_practice": "SEC02-BP01", "answer": "yes", "owner": "o", "date": "2025-01-01",
             "expires": "2025-06-01", "evidence": [], "reason": None, "notes": "", "source": None}
        ],
    }  # fmt: skip


REFERENCE = jsonschema.Draft202012Validator(schema("review"))
"""The jsonschema library's interpreter: the reference the compiled validator must agree with."""


def _fast_ok(doc: Any) -> bool:
    try:
        validate("review", doc)
    except SchemaMismatch:
        return False
    return True


def test_the_small_review_is_valid_both_ways() -> None:
    doc = small_review()
    assert REFERENCE.is_valid(doc) and _fast_ok(doc)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.extend(_paths(v, (*prefix, i)))
    return out


PATHS = _paths(small_review())[1:]
VALUES = st.sampled_from(
    [None, 0, -1, 12, 1.5, True, "", "x", "f-zz", "SEC12", "high", "met", "pass", [], ["x"], [1], {}, {"a": 1}]
)  # fmt: skip


def _edited(edits: list[tuple[tuple[Any, ...], Any, bool]]) -> dict[str, Any]:
    doc = small_review()
    for path, value, delete in edits:
        parent: Any = doc
        try:
            for part in path[:-1]:
                parent = parent[part]
            if delete and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit replaced this path's parent
    return doc


EDITS = st.lists(st.tuples(st.sampled_from(PATHS), VALUES, st.booleans()), min_size=1, max_size=3)
FINDING_PATHS = [p for p in PATHS if p[0] == "findings"]
FINDING_EDITS = st.lists(
    st.tuples(st.sampled_from(FINDING_PATHS), VALUES, st.booleans()), min_size=1, max_size=3
)


@given(edits=EDITS)
def test_the_compiled_validator_agrees_with_jsonschema(
    edits: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    doc = _edited(edits)
    assert _fast_ok(doc) == REFERENCE.is_valid(doc)


@given(edits=st.one_of(EDITS, FINDING_EDITS))
def test_the_msgspec_fast_path_accepts_only_what_the_schema_accepts(
    edits: list[tuple[tuple[Any, ...], Any, bool]],
) -> None:
    """What the fast path lets through is valid; what it does not is still loaded when valid (slow path)."""
    doc = _edited(edits)
    text = json.dumps(doc)
    if _fast_document(text) is not None:
        assert REFERENCE.is_valid(doc)
    if REFERENCE.is_valid(doc):
        assert review_document(text, "r.json", "fix") == doc
    else:
        with pytest.raises(InputError):
            review_document(text, "r.json", "fix")


def test_the_fast_path_takes_a_valid_review_and_leaves_a_float_line_to_the_schema() -> None:
    doc = small_review()
    assert _fast_document(json.dumps(doc)) == doc
    doc["findings"][0]["resource"]["line"] = 3.0  # an integer to JSON Schema, a float to msgspec
    assert _fast_document(json.dumps(doc)) is None
    assert review_document(json.dumps(doc), "r.json", "fix") == doc


@pytest.mark.parametrize("error", ["malformed_response", "collector_error", "deadline", "rule_error"])
def test_every_gap_kind_wasp_writes_is_a_valid_review(error: str) -> None:
    doc = small_review()
    doc["gaps"][0]["error"] = error
    assert _fast_ok(doc) and REFERENCE.is_valid(doc)


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "review.json"
    path.write_text(json.dumps(doc))
    return path


@pytest.mark.parametrize(
    ("edit", "where", "check"),
    [
        (lambda d: d["findings"][0]["resource"].__setitem__("line", "12"), "findings/0/resource/line", "type"),
        (lambda d: d["findings"][0].__setitem__("id", CANARY), "findings/0/id", "pattern"),
        (lambda d: d["questions"][3]["best_practices"][0].__setitem__("status", CANARY), "questions/3/best_practices/0/status", "enum"),
        (lambda d: d["summary"]["best_practices"].__setitem__(CANARY, CANARY), "summary/best_practices/*", "type"),
        (lambda d: d.pop("findings"), "(top level)", "required"),
        (lambda d: d["questions"].pop(), "questions", "minItems"),
        (lambda d: d["gaps"][0].__setitem__("error", CANARY), "gaps/0/error", "enum"),
    ],
)  # fmt: skip
def test_a_mismatch_is_one_line_naming_the_file_and_the_json_path_never_the_content(
    tmp_path: Path, edit: Any, where: str, check: str
) -> None:
    doc = small_review()
    edit(doc)
    path = _write(tmp_path, doc)
    with pytest.raises(InputError) as exc:
        load_review(path)
    assert str(exc.value) == (
        f"{path}: review does not match wasp.review/1 at {where} (failed the {check} check); "
        "write it again with `wasp review`"
    )


def test_a_valid_review_loads_as_it_was_written(tmp_path: Path) -> None:
    doc = small_review()
    assert load_review(_write(tmp_path, doc)) == doc


def test_the_validator_is_compiled_once_per_process() -> None:
    from wasp.schemas.validate import _compiled

    validate("review", small_review())
    before = _compiled.cache_info()
    validate("review", small_review())
    after = _compiled.cache_info()
    assert after.misses == before.misses and after.hits == before.hits + 1


def test_the_scan_schema_compiles_and_checks_its_findings() -> None:
    doc = small_review()
    scan = {"schema": "wasp.scan/1", "findings": copy.deepcopy(doc["findings"]), "rules": doc["rules"]}
    reference = jsonschema.Draft202012Validator(schema("scan"))
    assert reference.is_valid(scan) == _fast_ok_scan(scan)
    scan["findings"][0]["status"] = "maybe"
    assert not reference.is_valid(scan) and not _fast_ok_scan(scan)


def _fast_ok_scan(doc: Any) -> bool:
    try:
        validate("scan", doc)
    except SchemaMismatch:
        return False
    return True


def test_a_reference_outside_the_schema_is_refused_not_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import fastjsonschema

    from wasp.schemas import validate as module

    def remote(name: str) -> dict[str, Any]:
        return {"type": "object", "properties": {"x": {"$ref": "https://example.invalid/x.json"}}}

    monkeypatch.setattr(module, "schema", remote)
    with pytest.raises(fastjsonschema.JsonSchemaDefinitionException, match="refer to nothing outside"):
        module._compiled.__wrapped__("review")


def test_a_review_in_the_store_is_validated_like_a_file(tmp_path: Path) -> None:
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from wasp.store import open_store
    from wasp.store.db import StoreError
    from wasp.store.models import ReviewRow

    store = open_store(str(tmp_path / "w.db"))
    saved = store.save(small_review())  # type: ignore[arg-type]
    assert store.load(str(saved.id)) == small_review()
    bad = small_review()
    bad["findings"][0]["severity"] = CANARY
    with Session(store.writer) as session, session.begin():
        blob = gzip.compress(json.dumps(bad).encode())
        session.execute(update(ReviewRow).where(ReviewRow.id == saved.id).values(document=blob))
    with pytest.raises(StoreError) as exc:
        store.load(str(saved.id))
    message = str(exc.value)
    assert f"review {saved.id}: review does not match wasp.review/1 at findings/0/severity" in message
    assert CANARY not in message and "\n" not in message
