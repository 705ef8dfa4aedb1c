"""The serve tables on SQLite and a real PostgreSQL: users, sessions, versioned answers and plan items, uploads,
and findings' account and region columns."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

pytest.importorskip("pwdlib")

from pgcluster import clean, cluster
from wasp.serve import answers, plan_items, sessions, users
from wasp.store import open_store


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str | None]:
    with cluster() as url:
        if url is None and os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL (see .ci/run)")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_url: str | None) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "wasp.db")
    if pg_url is None:
        pytest.skip("PostgreSQL is not installed here")
    return clean(pg_url)


def test_serve_tables_round_trip(db_url: str, demo_doc: dict[str, Any]) -> None:
    store = open_store(db_url)
    saved = store.save(demo_doc)  # type: ignore[arg-type]
    user = users.add_user(store, "stan", "stakeholder", "a long enough password", ("SEC10",))
    assert users.authenticate(store, "stan", "a long enough password") == user
    token = sessions.start(store, user)
    live = sessions.lookup(store, token)
    assert live is not None and live.user == user
    sessions.end(store, live.session_id)
    assert sessions.lookup(store, token) is None
    first = answers.record_answer(
        store, workload="w", practice="SEC10-BP04", answer="no", actor="stan", evidence=["wiki"]
    )
    second = answers.record_answer(
        store,
        workload="w",
        practice="SEC10-BP04",
        answer="yes",
        actor="stan",
        upload=answers.Upload("a.txt", "text/plain", b"drill log"),
    )
    assert (first["version"], second["version"]) == (1, 2)
    assert answers.current_answers(store, "w")["SEC10-BP04"]["answer"] == "yes"
    assert answers.get_upload(store, second["upload"]).data == b"drill log"
    plan_items.record_item(store, workload="w", practice="SEC10-BP04", owner="o", status="open", actor="rita")
    plan_items.record_item(store, workload="w", practice="SEC10-BP04", owner="o", status="done", actor="rita")
    assert plan_items.current_items(store, "w")["SEC10-BP04"]["version"] == 2
    from wasp.serve.data import Reviews

    region = next(f["resource"]["region"] for f in demo_doc["findings"] if f["resource"].get("region"))
    total, _ = Reviews(store).findings(saved.id, filters={"region": region})
    assert total == sum(f["resource"].get("region") == region for f in demo_doc["findings"])


def test_a_store_from_before_serve_is_upgraded_in_place(tmp_path: Path, demo_doc: dict[str, Any]) -> None:
    from alembic import command
    from alembic.config import Config

    from wasp.store.db import _scripts

    db = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(_scripts().dir))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            text(
                "INSERT INTO reviews (workload, generated_at, saved_at, catalogue_version, high_risk_questions, "
                "medium_risk_questions, practices_met, practices_not_met, findings_failed, document) "
                "VALUES ('old', '2026-01-01', '2026-01-01', 'x', 1, 0, 0, 1, 1, x'00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO findings (review_id, finding_id, rule, status, severity, resource_type, resource, "
                "message) VALUES (1, 'f1', 'r', 'fail', 'high', 'AWS::S3::Bucket', 'b', 'm')"
            )
        )
    engine.dispose()
    store = open_store(str(db))  # migrates to head, keeping the old rows
    with store.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == _scripts().get_current_head()
        )
        row = conn.execute(text("SELECT finding_id, account, region FROM findings")).one()
        outline = conn.execute(text("SELECT outline FROM reviews")).scalar()
    assert tuple(row) == ("f1", None, None)
    assert outline is None, "a damaged document is left without an outline (reading it says it is damaged)"
    users.add_user(store, "ada", "admin", "a long enough password")
    store.save(demo_doc)  # type: ignore[arg-type]
