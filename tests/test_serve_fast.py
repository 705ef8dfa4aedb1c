"""`wasp serve` at scale: a first view reads the review's outline and one finding's evidence row, never the whole
document; migration 0005 backfills stored reviews (SQLite and a real PostgreSQL); the per-process caches never show
another process's writes stale."""

from __future__ import annotations

import copy
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, insert, inspect, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

pytest.importorskip("fastapi")

import test_serve_store
from serve_support import client, login, make_store
from wasp.serve import answers, plan_items
from wasp.serve.data import Reviews
from wasp.store import Store, open_store
from wasp.store.db import StoreError, _scripts
from wasp.store.models import FindingEvidenceRow, FindingRow, ReviewRow
from wasp.store.outline import finding_columns, unpack

pg_url = test_serve_store.pg_url  # the same SQLite and PostgreSQL stores as the serve tables' tests
db_url = test_serve_store.db_url


def _evidenced(doc: dict[str, Any]) -> dict[str, Any]:
    """The review with distinct evidence on every finding but one (which has none)."""
    doc = copy.deepcopy(doc)
    for i, f in enumerate(doc["findings"]):
        f["evidence"] = {"Properties.Index": i, "Tags": [{"Key": "n", "Value": f"v{i}"}]} if i else {}
    return doc


def _engine(url: str) -> Engine:
    return create_engine(
        url.replace("postgresql://", "postgresql+psycopg://") if "://" in url else f"sqlite:///{url}"
    )


def _old_save(url: str, doc: dict[str, Any], swap: bool = False) -> None:
    """Save as wasp did at schema 0003 (no outline, no evidence rows); ``swap`` stores the first two findings'
    rows out of document order."""
    engine = _engine(url)
    rows = [finding_columns(f) for f in doc["findings"]]
    if swap:
        rows[0], rows[1] = rows[1], rows[0]
    s = doc["summary"]
    with engine.begin() as conn:
        rid = conn.execute(
            insert(ReviewRow.__table__).returning(ReviewRow.__table__.c.id),
            {
                "workload": doc["workload"],
                "generated_at": datetime.fromisoformat(doc["generated_at"]),
                "saved_at": datetime.now(UTC),
                "catalogue_version": doc["catalogue_version"],
                "high_risk_questions": s["high_risk_questions"],
                "medium_risk_questions": s["medium_risk_questions"],
                "practices_met": s["best_practices"]["met"],
                "practices_not_met": s["best_practices"]["not_met"],
                "findings_failed": s["findings"]["fail"],
                "document": gzip.compress(json.dumps(doc).encode()),
            },
        ).scalar_one()
        conn.execute(insert(FindingRow.__table__), [{"review_id": rid, **r} for r in rows])
    engine.dispose()


def _migrate(url: str, direction: str, revision: str) -> list[str]:
    """Run Alembic's upgrade or downgrade to ``revision``; the reviews table's columns after it."""
    from alembic import command
    from alembic.config import Config

    engine = _engine(url)
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(_scripts().dir))
        cfg.attributes["connection"] = conn
        getattr(command, direction)(cfg, revision)
        columns = [c["name"] for c in inspect(conn).get_columns("reviews")]
    engine.dispose()
    return columns


def test_migration_backfills_outlines_and_evidence_in_batches(
    db_url: str, demo_doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    migration = importlib.import_module("wasp.store.migrations.versions.0005_serve_outline")
    monkeypatch.setattr(migration, "BATCH", 3)  # several batches per review
    first, second = _evidenced(demo_doc), _evidenced(demo_doc)
    second["workload"] = "second"
    _migrate(db_url, "upgrade", "0003")
    _old_save(db_url, first)
    _old_save(db_url, second, swap=True)
    store = open_store(db_url)  # migrates to head, backfilling both reviews
    saved = store.save(first)  # type: ignore[arg-type]
    with Session(store.engine) as session:
        outlines = {r.id: unpack(r.outline) for r in session.execute(select(ReviewRow.id, ReviewRow.outline))}
        evidence_rows = session.scalar(select(func.count()).select_from(FindingEvidenceRow))
    assert evidence_rows == 3 * len(first["findings"])
    assert outlines[1] == outlines[saved.id], "backfill and save store the same outline"
    assert outlines[2]["review"]["workload"] == "second"
    assert "findings" not in outlines[1]["review"]
    reviews = Reviews(store)
    for rid, doc in ((1, first), (2, second), (saved.id, first)):
        for f in doc["findings"]:
            found = reviews.finding(rid, f["id"])
            assert found["evidence"] == f["evidence"], (rid, f["id"])
            assert (found["rule"], found["resource_type"]) == (f["rule"], f["resource"]["type"])
        assert store.load(str(rid)) == json.loads(json.dumps(doc)), "the document is still whole"


def _corrupt_documents(store: Store) -> None:
    with Session(store.writer) as session, session.begin():
        session.execute(update(ReviewRow).values(document=b"\x00 not gzip"))


def test_first_views_never_read_the_document(tmp_path: Path, demo_doc: dict[str, Any]) -> None:
    doc = _evidenced(demo_doc)
    store = make_store(str(tmp_path / "wasp.db"), doc)
    _corrupt_documents(store)  # any read of the document now fails loudly
    c = client(store)
    login(c, "vera")
    assert c.get("/").status_code == 200
    question = next(q["id"] for q in doc["questions"] if any(bp.get("rules") for bp in q["best_practices"]))
    page = c.get(f"/w/{doc['workload']}/q/{question}")
    assert page.status_code == 200
    target = doc["findings"][3]
    detail = c.get(f"/api/reviews/1/findings/{target['id']}")
    assert detail.status_code == 200
    assert detail.json()["evidence"] == target["evidence"]
    assert c.get(f"/reviews/1/findings/{target['id']}").status_code == 200
    api = c.get("/api/reviews/1").json()
    assert api == json.loads(json.dumps({k: v for k, v in doc.items() if k != "findings"}))
    assert c.get(f"/api/workloads/{doc['workload']}/plan").status_code == 200
    assert c.get("/api/reviews/1/findings/f-nope").status_code == 404
    with pytest.raises(StoreError, match="damaged"):
        store.load("1")


def test_facets_and_account_matrix_come_from_the_outline(tmp_path: Path, demo_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(demo_doc)
    for i, f in enumerate(doc["findings"]):
        f["resource"]["account"] = ["111111111111", "222222222222"][i % 2]
        f["status"] = "fail"
    store = make_store(str(tmp_path / "wasp.db"), doc)
    slim = Reviews(store).slim(1)
    assert slim.facets["account"] == ["111111111111", "222222222222"]
    assert slim.facets["resource_type"] == sorted({f["resource"]["type"] for f in doc["findings"]})
    matrix = Reviews(store).account_matrix(1)
    rule_questions: dict[str, set[str]] = {}
    for q in doc["questions"]:
        for bp in q["best_practices"]:
            for r in bp.get("rules", []):
                rule_questions.setdefault(r, set()).add(q["id"])
    expected: dict[str, dict[str, int]] = {}
    for f in doc["findings"]:
        for qid in rule_questions.get(f["rule"], ()):
            cells = expected.setdefault(f["resource"]["account"], {})
            cells[qid] = cells.get(qid, 0) + 1
    assert matrix == expected


def test_caches_follow_another_process_that_deletes_and_saves(
    tmp_path: Path, demo_doc: dict[str, Any]
) -> None:
    db = str(tmp_path / "wasp.db")
    store = make_store(db, demo_doc)
    second = copy.deepcopy(demo_doc)
    second["workload"] = "older"
    rid = store.save(second).id  # type: ignore[arg-type]
    server = Reviews(store)
    assert server.slim(rid).doc["workload"] == "older"
    before, _ = server.findings(rid)
    other = open_store(db)  # another process: removes the review, then saves a new one
    other.delete_review(rid)
    third = copy.deepcopy(demo_doc)
    third["workload"] = "newer"
    third["findings"] = third["findings"][:2]
    reused = other.save(third)  # type: ignore[arg-type]
    assert reused.id == rid, "SQLite gives the deleted review's id to the next one"
    assert server.slim(rid).doc["workload"] == "newer"
    assert server.findings(rid)[0] == 2 != before


def test_pages_show_another_process_writes_at_once(tmp_path: Path, demo_doc: dict[str, Any]) -> None:
    db = str(tmp_path / "wasp.db")
    store = make_store(db, demo_doc)
    c = client(store)
    login(c, "vera")
    workload = demo_doc["workload"]
    assert c.get("/").status_code == 200
    assert c.get(f"/api/workloads/{workload}/answers").json() == {}
    other = open_store(db)
    answers.record_answer(other, workload=workload, practice="SEC10-BP04", answer="no", actor="stan")
    plan_items.record_item(
        other, workload=workload, practice="SEC10-BP04", owner="o", status="open", actor="rita"
    )
    other.create_milestone("m1")
    newer = copy.deepcopy(demo_doc)
    newer["generated_at"] = "2031-01-01T00:00:00+00:00"
    rid = other.save(newer).id  # type: ignore[arg-type]
    assert c.get(f"/api/workloads/{workload}/answers").json()["SEC10-BP04"]["answer"] == "no"
    assert c.get(f"/api/workloads/{workload}/plan").status_code == 200
    assert [m["name"] for m in c.get("/api/milestones").json()] == ["m1"]
    assert [w["id"] for w in c.get("/api/workloads").json()] == [rid]
    page = c.get(f"/w/{workload}/q/SEC10")
    assert f"/reviews/{rid}/findings/" in page.text or "No findings match" in page.text


def test_migration_0005_downgrades_and_backfills_again(tmp_path: Path, demo_doc: dict[str, Any]) -> None:
    db = str(tmp_path / "wasp.db")
    doc = _evidenced(demo_doc)
    open_store(db).save(doc)  # type: ignore[arg-type]
    assert "outline" not in _migrate(db, "downgrade", "0003")
    store = open_store(db)  # upgrades again, backfilling from the document
    target = doc["findings"][-1]
    assert Reviews(store).finding(1, target["id"])["evidence"] == target["evidence"]
    assert Reviews(store).slim(1).doc == json.loads(
        json.dumps({k: v for k, v in doc.items() if k != "findings"})
    )
