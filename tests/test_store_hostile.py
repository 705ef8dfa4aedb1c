"""The store under contention and corruption: many processes opening a new store at once, damaged files."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine

from pgcluster import cluster
from wasp.cli.app import main
from wasp.store import StoreError, open_store

SQL_WORDS = ("SELECT", "INSERT", "CREATE", "PRAGMA", "BEGIN", "[SQL", "sqlalche.me", "Traceback")


def review_doc(workload: str, findings: int = 0) -> dict[str, Any]:
    """The smallest review the store saves (the store reads summary columns, findings and question risks)."""
    return {
        "workload": workload,
        "generated_at": "2026-11-01T10:00:00+00:00",
        "catalogue_version": "test",
        "summary": {
            "high_risk_questions": 1,
            "medium_risk_questions": 0,
            "best_practices": {"met": 1, "not_met": 1},
            "findings": {"fail": findings},
        },
        "findings": [
            {
                "id": f"f-{i:016x}",
                "rule": "r",
                "status": "fail",
                "severity": "high",
                "resource": {"type": "AWS::S3::Bucket", "id": f"bucket-{i}"},
                "message": f"finding {i} " + "x" * 300,
            }
            for i in range(findings)
        ],
        "questions": [{"id": "SEC01", "risk": "high", "incomplete": False}],
    }


def _first_use(db: str, barrier: Any, results: Any, index: int) -> None:
    """One process: wait for the others, then open the new store and save a review in it."""
    try:
        barrier.wait(timeout=60)
        open_store(db).save(review_doc(f"w{index}"))
        results.put((index, "ok"))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test with it
        results.put((index, f"{type(exc).__name__}: {exc}"))


def _eight_at_once(db: str) -> dict[int, str]:
    """Eight processes open the same new store at the same moment; how each one fared."""
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(8)
    results = ctx.Queue()
    procs = [ctx.Process(target=_first_use, args=(db, barrier, results, i)) for i in range(8)]
    for p in procs:
        p.start()
    outcomes = dict(results.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("attempt", range(3))
def test_eight_processes_open_a_new_sqlite_store_at_once(tmp_path: Path, attempt: int) -> None:
    db = str(tmp_path / f"new-{attempt}" / "wasp.db")
    assert _eight_at_once(db) == {i: "ok" for i in range(8)}
    assert sorted(r["workload"] for r in open_store(db).reviews()) == [f"w{i}" for i in range(8)]


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster (skipped where PostgreSQL is not installed, as in test_store)."""
    with cluster() as url:
        if url is None:
            if os.environ.get("CI"):
                pytest.fail("CI must have PostgreSQL (see .ci/run)")
            pytest.skip("PostgreSQL is not installed here")
        yield url


@pytest.mark.parametrize("attempt", range(2))
def test_eight_processes_open_a_new_postgresql_store_at_once(pg_server: str, attempt: int) -> None:
    admin = create_engine(
        pg_server.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE first_use_{attempt}")
    admin.dispose()
    db = pg_server.rsplit("/", 1)[0] + f"/first_use_{attempt}"
    assert _eight_at_once(db) == {i: "ok" for i in range(8)}
    assert sorted(r["workload"] for r in open_store(db).reviews()) == [f"w{i}" for i in range(8)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run `wasp ARGS`; the exit code and stderr."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    code = exc.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().err


def assert_one_line_naming(err: str, path: Path) -> None:
    """One line: the file, what is wrong, the fix; no SQL, no traceback."""
    assert err.count("\n") == 1, err
    assert str(path) in err
    assert "move it aside" in err and "wasp creates a new store" in err
    assert not any(word in err for word in SQL_WORDS), err


COMMANDS = (("history",), ("show", "latest"), ("milestones",), ("waiver", "list"))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_a_file_of_random_bytes_is_one_line_naming_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    db = tmp_path / "wasp.db"
    db.write_bytes(os.urandom(20_000))
    code, err = run(capsys, *command, "--db", str(db))
    assert code == 2
    assert_one_line_naming(err, db)
    assert "not a database" in err


@pytest.fixture
def truncated_store(tmp_path: Path) -> Path:
    """A real store with several reviews, cut to half its size (a full disk, a copy interrupted)."""
    db = tmp_path / "cut.db"
    store = open_store(str(db))
    for i in range(4):
        store.save(review_doc(f"w{i}", findings=200))
    store.engine.dispose()
    data = db.read_bytes()
    assert len(data) > 200_000
    db.write_bytes(data[: len(data) // 2])
    return db


@pytest.mark.parametrize("command", COMMANDS[:3], ids=lambda c: " ".join(c))
def test_a_truncated_store_is_one_line_naming_the_fix(
    truncated_store: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    code, err = run(capsys, *command, "--db", str(truncated_store))
    assert code == 2
    assert_one_line_naming(err, truncated_store)


def test_an_empty_file_is_a_new_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    code, err = run(capsys, "history", "--db", str(db))
    assert code == 0 and "no stored reviews yet" in err


def test_a_damaged_stored_review_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "doc.db"
    saved = open_store(str(db)).save(review_doc("w"))
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE reviews SET document = ? WHERE id = ?", (b"\x1f\x8bnot gzip", saved.id))
    code, err = run(capsys, "show", str(saved.id), "--db", str(db))
    assert code == 2
    assert err.count("\n") == 1 and f"review {saved.id} is damaged" in err and str(db) in err
    assert not any(word in err for word in SQL_WORDS)


def test_a_store_locked_past_the_timeout_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp.store import db as store_db

    path = tmp_path / "busy.db"
    open_store(str(path)).engine.dispose()
    monkeypatch.setattr(store_db, "SQLITE_BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
        store = open_store(str(path))
        assert store.reviews() == []  # reading alongside a writer works
        with pytest.raises(StoreError) as exc:
            store.save(review_doc("b"))
    finally:
        holder.close()
    message = str(exc.value)
    assert str(path) in message and "stayed locked" in message and "try again" in message
    assert not any(word in message for word in SQL_WORDS)


def test_two_open_stores_take_turns_writing(tmp_path: Path) -> None:
    path = tmp_path / "again.db"
    first = open_store(str(path))
    first.save(review_doc("a"))
    second = open_store(str(path))
    second.save(review_doc("b"))
    assert [r["workload"] for r in first.reviews()] == ["a", "b"]


def test_a_read_only_store_is_read_and_refuses_writes_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import event
    from sqlalchemy.pool import Pool

    path = tmp_path / "ro.db"
    open_store(str(path)).save(review_doc("a"))

    def query_only(dbapi_connection: Any, _record: Any) -> None:
        """As on a read-only mount (root, who runs the tests in CI, ignores file permissions)."""
        dbapi_connection.execute("PRAGMA query_only=ON")

    event.listen(Pool, "connect", query_only)
    try:
        store = open_store(str(path))
        assert [r["workload"] for r in store.reviews()] == ["a"]
        with pytest.raises(StoreError) as exc:
            store.save(review_doc("b"))
        code, err = run(capsys, "milestone", "create", "m1", "--db", str(path))
    finally:
        event.remove(Pool, "connect", query_only)
    assert "read-only" in str(exc.value) and str(path) in str(exc.value)
    assert code == 2 and err.count("\n") == 1 and "read-only" in err
    assert not any(word in err for word in SQL_WORDS)
