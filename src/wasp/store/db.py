"""Open the store, migrate it, save and load reviews, milestones and history."""

from __future__ import annotations

import gzip
import json
import os
import shlex
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, delete, event, insert, select, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from wasp.errors import InputError, WaspError
from wasp.extras import require
from wasp.store.models import FindingEvidenceRow, FindingRow, MilestoneRow, QuestionRow, ReviewRow
from wasp.store.outline import evidence_rows, finding_columns, outline, pack

if TYPE_CHECKING:
    from wasp.report.doc_types import ReviewDoc

_MIGRATE_LOCK = threading.Lock()
SQLITE_BUSY_TIMEOUT = 30.0
"""Seconds a SQLite connection waits for another process's write (a migration, a save) before giving up."""
_PG_MIGRATION_LOCK = 0x77617370  # "wasp": the advisory lock PostgreSQL migrations take
WRITE = "wasp_write"
"""Execution option of the engine that writes (``Store.writer``): on SQLite its transactions begin IMMEDIATE."""


class StoreError(WaspError):
    """The database cannot be used: unreachable, a wrong URL, a schema from a newer wasp, a missing review."""


def default_url() -> str:
    """WASP_DB, else a SQLite file in the user's data directory."""
    env = os.environ.get("WASP_DB")
    if env:
        return env
    return f"sqlite:///{Path(user_data_dir('wasp')) / 'wasp.db'}"


def _normalise(url: str) -> str:
    """Accept a plain path for SQLite and postgresql:// for psycopg 3."""
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _redacted(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


@dataclass(frozen=True)
class Saved:
    """A stored review's identity."""

    id: int
    workload: str
    generated_at: datetime


class Store:
    """A migrated database of reviews."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        """For reading."""
        self.writer = engine.execution_options(**{WRITE: True})
        """For transactions that write: on SQLite they take the write lock when they begin, so a read followed
        by a write never meets another writer half-way (SQLite would fail that at once, without waiting)."""
        self.url = url

    def save(self, review: ReviewDoc) -> Saved:
        """Save a review whole, in one transaction (an interruption leaves the previous state intact): the
        document, its outline and finding rows for `wasp serve`, each finding's evidence in its own row."""
        s = review["summary"]
        when = datetime.fromisoformat(review["generated_at"])
        blob = gzip.compress(json.dumps(review, separators=(",", ":")).encode(), mtime=0)
        columns = [finding_columns(f) for f in review["findings"]]
        with Session(self.writer) as session, session.begin():
            row = ReviewRow(
                workload=review["workload"],
                generated_at=when,
                saved_at=datetime.now(UTC),
                catalogue_version=review["catalogue_version"],
                high_risk_questions=s["high_risk_questions"],
                medium_risk_questions=s["medium_risk_questions"],
                practices_met=s["best_practices"]["met"],
                practices_not_met=s["best_practices"]["not_met"],
                findings_failed=s["findings"]["fail"],
                document=blob,
                outline=pack(outline(review, columns)),
            )
            session.add(row)
            session.flush()
            rid = row.id
            if columns:
                session.execute(insert(FindingRow), [{"review_id": rid, **c} for c in columns])
                rows = [  # read back in one statement: RETURNING in order costs a statement per row on SQLite
                    (row_id, finding_id)
                    for row_id, finding_id in session.execute(
                        select(FindingRow.id, FindingRow.finding_id)
                        .where(FindingRow.review_id == rid)
                        .order_by(FindingRow.id)
                    )
                ]
                evidence = list(evidence_rows(review["findings"], rows))
                if evidence:
                    session.execute(insert(FindingEvidenceRow), evidence)
            session.execute(
                insert(QuestionRow),
                [
                    {"review_id": rid, "question": q["id"], "risk": q["risk"], "incomplete": q["incomplete"]}
                    for q in review["questions"]
                ],
            )
        return Saved(rid, review["workload"], when)

    def resolve(self, ref: str) -> int:
        """A review id from an id, a milestone name, or 'latest'."""
        with Session(self.engine) as session:
            if ref.isdigit():
                found = session.get(ReviewRow, int(ref))
                rid = found.id if found else None
            elif ref == "latest":
                rid = session.scalars(select(ReviewRow.id).order_by(ReviewRow.id.desc()).limit(1)).first()
            else:
                ms = session.scalars(select(MilestoneRow).where(MilestoneRow.name == ref)).all()
                if len(ms) > 1:
                    raise StoreError(f"milestone {ref!r} exists for several workloads; use the review id")
                rid = ms[0].review_id if ms else None
        if rid is None:
            raise StoreError(f"no review or milestone {ref!r} in {_redacted(self.url)} (see `wasp history`)")
        return rid

    def load(self, ref: str) -> ReviewDoc:
        """A review by id, by milestone name, or 'latest', validated as a review file is (the same fast path)."""
        from wasp.report.base import review_document

        rid = self.resolve(ref)
        shown = f"{_redacted(self.url)}: review {rid}"
        damaged = "load another review, or move the store aside: wasp creates a new one"
        with Session(self.engine) as session:
            row = session.get(ReviewRow, rid)
            assert row is not None
            blob = row.document
        try:
            text = gzip.decompress(blob)
        except (OSError, EOFError, zlib.error) as exc:
            raise StoreError(
                f"{shown} is damaged in the store ({exc.__class__.__name__}); {damaged}"
            ) from exc
        try:
            return review_document(text, shown, damaged)
        except InputError as exc:
            raise StoreError(str(exc)) from exc

    def reviews(self, workload: str | None = None) -> list[dict[str, Any]]:
        """Saved reviews (oldest first) with their summary columns and question risks."""
        with Session(self.engine) as session:
            query = select(ReviewRow).order_by(ReviewRow.generated_at, ReviewRow.id)
            if workload:
                query = query.where(ReviewRow.workload == workload)
            rows = session.scalars(query).all()
            risks: dict[int, dict[str, str]] = {}
            for q in session.scalars(
                select(QuestionRow).where(QuestionRow.review_id.in_([r.id for r in rows]))
            ):
                risks.setdefault(q.review_id, {})[q.question] = q.risk
            milestones = {m.review_id: m.name for m in session.scalars(select(MilestoneRow))}
            return [
                {
                    "id": r.id,
                    "workload": r.workload,
                    "generated_at": r.generated_at.isoformat(),
                    "high_risk_questions": r.high_risk_questions,
                    "medium_risk_questions": r.medium_risk_questions,
                    "practices_met": r.practices_met,
                    "findings_failed": r.findings_failed,
                    "questions": risks.get(r.id, {}),
                    "milestone": milestones.get(r.id),
                }
                for r in rows
            ]

    def create_milestone(self, name: str, review_ref: str = "latest") -> dict[str, Any]:
        """Name a review (the latest by default) as a milestone of its workload."""
        rid = self.resolve(review_ref)
        with Session(self.engine) as session:
            row = session.get(ReviewRow, rid)
            assert row is not None
            workload = row.workload
        try:
            with Session(self.writer) as session, session.begin():
                session.add(
                    MilestoneRow(workload=workload, name=name, review_id=rid, created_at=datetime.now(UTC))
                )
        except IntegrityError as exc:
            raise StoreError(f"milestone {name!r} already exists for workload {workload}") from exc
        return {"name": name, "review": rid, "workload": workload}

    def milestones(self) -> list[dict[str, Any]]:
        """Every milestone, oldest first."""
        with Session(self.engine) as session:
            rows = session.execute(
                select(MilestoneRow, ReviewRow)
                .join(ReviewRow, ReviewRow.id == MilestoneRow.review_id)
                .order_by(MilestoneRow.id)
            ).all()
            return [
                {
                    "name": m.name,
                    "workload": m.workload,
                    "review": r.id,
                    "generated_at": r.generated_at.isoformat(),
                    "high_risk_questions": r.high_risk_questions,
                    "medium_risk_questions": r.medium_risk_questions,
                }
                for m, r in rows
            ]

    def delete_review(self, review_id: int) -> None:
        """Remove a review that no milestone points to (used by tests and clean-up), with its rows in the other
        tables: SQLite enforces no ON DELETE CASCADE here, and gives the next review the same id. A review a
        milestone points to is refused: the milestone would dangle, then name the next review saved."""
        with Session(self.writer) as session, session.begin():
            named = session.scalars(
                select(MilestoneRow.name).where(MilestoneRow.review_id == review_id)
            ).all()
            if named:
                raise StoreError(
                    f"review {review_id} is milestone {', '.join(sorted(named))}: it is kept while a milestone "
                    "names it"
                )
            rows = select(FindingRow.id).where(FindingRow.review_id == review_id)
            session.execute(delete(FindingEvidenceRow).where(FindingEvidenceRow.finding_row.in_(rows)))
            session.execute(delete(FindingRow).where(FindingRow.review_id == review_id))
            session.execute(delete(QuestionRow).where(QuestionRow.review_id == review_id))
            session.execute(delete(ReviewRow).where(ReviewRow.id == review_id))


def _scripts() -> ScriptDirectory:
    location = str(resources.files("wasp.store").joinpath("migrations"))
    cfg = Config()
    cfg.set_main_option("script_location", location)
    return ScriptDirectory.from_config(cfg)


def _sqlite_file(target: str) -> str | None:
    """The file of a SQLite URL (None for other databases and for in-memory SQLite)."""
    if not target.startswith("sqlite:///"):
        return None
    path = target.removeprefix("sqlite:///").split("?", 1)[0]
    return path if path and path != ":memory:" else None


def _reason(exc: BaseException) -> str:
    """The driver's own message, first line only: never the SQL statement SQLAlchemy adds."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return lines[0] if lines else orig.__class__.__name__


def _sqlite_failure(shown: str, file: str, exc: BaseException) -> StoreError | None:
    """One line for a SQLite file that is damaged (or not a database), stays locked, is read-only or cannot be
    read or written; None for anything else (a constraint, for one, is the caller's to explain)."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    message = str(exc).lower()
    if (
        name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in message
        or "not a database" in message
    ):
        return StoreError(
            f"{shown}: the store is damaged or is not a wasp database ({_reason(exc)}); move it aside "
            f"(e.g. `mv {shlex.quote(file)} {shlex.quote(file + '.broken')}`) and run again: wasp creates a new store"
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in message:
        return StoreError(
            f"{shown}: the store stayed locked for {SQLITE_BUSY_TIMEOUT:.0f} s (another wasp is writing to it); "
            "try again when it has finished"
        )
    if name.startswith("SQLITE_READONLY"):
        return StoreError(
            f"{shown}: the store is read-only here ({_reason(exc)}); save to one you can write (--db)"
        )
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN")):
        return StoreError(
            f"{shown}: cannot read or write the store ({_reason(exc)}); check the disk and the file"
        )
    return None


def _sqlite_engine(target: str, shown: str, file: str) -> Engine:
    """A SQLite engine whose transactions really are transactions, and whose failures are one line.

    Python's sqlite3 runs DDL outside any transaction and begins lazily, so two processes creating a new store
    at once both saw it empty and the slower one failed with "table already exists". Here wasp issues BEGIN
    itself: ``BEGIN IMMEDIATE`` for transactions that write (the migration included), which take the write lock
    first, so a second process waits, then finds the schema there; a plain ``BEGIN`` for reads, so a read-only
    store can still be read. A damaged file or a lock that outlasts the timeout becomes a StoreError wherever
    it surfaces: opening, saving, listing.
    """
    engine = create_engine(target, pool_pre_ping=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

    @event.listens_for(engine, "handle_error")
    def _one_line(context: ExceptionContext) -> None:
        failure = _sqlite_failure(shown, file, context.original_exception)
        if failure is not None:
            raise failure from context.original_exception

    return engine


def _create_engine(target: str, shown: str) -> Engine:
    """The engine for a URL; a wrong one is one line."""
    try:
        file = _sqlite_file(target)
        if file is not None:
            Path(file).parent.mkdir(parents=True, exist_ok=True)
            return _sqlite_engine(target, shown, file)
        if target.startswith("postgresql+psycopg://"):
            require("postgres", "psycopg")  # one line naming the extra, not a driver ImportError
        return create_engine(target, pool_pre_ping=True)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise StoreError(
            f"{shown}: not a usable database URL ({exc}); use a path, sqlite:///FILE or postgresql://..."
        ) from exc


def _revision(conn: Connection, scripts: ScriptDirectory, shown: str) -> str | None:
    """The store's schema revision (None when new); one written by a newer wasp is refused."""
    current = MigrationContext.configure(conn).get_current_revision()
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreError(f"{shown}: database schema {current} was written by a newer wasp; upgrade wasp")
    return current


def _migrate(conn: Connection, scripts: ScriptDirectory, shown: str) -> None:
    """Bring the schema to head inside the caller's transaction, which holds the database's write lock (SQLite
    BEGIN IMMEDIATE; PostgreSQL takes an advisory lock here): the revision is read again under it."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
    if _revision(conn, scripts, shown) in scripts.get_heads():
        return
    cfg = Config()
    cfg.set_main_option("script_location", str(scripts.dir))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``; every failure is one clear line.

    Many processes may open a new store at once: the migration runs under the database's write lock (SQLite
    ``BEGIN IMMEDIATE``, a PostgreSQL advisory lock), so one creates the schema and the others find it. A store
    already at the latest schema is only read, so a read-only one opens.
    """
    raw = url or default_url()
    target = _normalise(raw)
    shown = _redacted(raw)
    engine = _create_engine(target, shown)
    scripts = _scripts()
    try:
        # Alembic keeps its migration context in module globals: migrate one store at a time per process.
        with _MIGRATE_LOCK:
            with engine.connect() as conn:
                current = _revision(conn, scripts, shown)
            if current not in scripts.get_heads():
                with engine.execution_options(**{WRITE: True}).begin() as conn:
                    _migrate(conn, scripts, shown)
    except OperationalError as exc:
        raise StoreError(f"{shown}: cannot open the database ({_reason(exc)})") from exc
    except SQLAlchemyError as exc:
        raise StoreError(
            f"{shown}: database error ({exc.__class__.__name__}); check the URL and permissions"
        ) from exc
    return Store(engine, target)
