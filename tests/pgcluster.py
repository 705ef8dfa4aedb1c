"""A throwaway PostgreSQL cluster on 127.0.0.1 for the store tests (real server, never mocked)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def _bin_dir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: drop to the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def cluster() -> Iterator[str | None]:
    """Yield a SQLAlchemy URL for a fresh cluster, or None when PostgreSQL is not installed."""
    bindir = _bin_dir()
    if bindir is None:
        yield None
        return
    root = tempfile.mkdtemp(prefix="wasp-pg-")
    data = os.path.join(root, "data")
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    port = _free_port()
    subprocess.run(
        _as_postgres([f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "wasp", "--no-sync"]),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_postgres(
            [
                f"{bindir}/pg_ctl",
                "-D",
                data,
                "-w",
                "-l",
                os.path.join(root, "log"),
                "-o",
                f"-h 127.0.0.1 -p {port} -k {root} -F",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://wasp@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(root, ignore_errors=True)


STORE_TABLES = (
    "login_failures, finding_evidence, plan_items, answers, uploads, user_sessions, users, waiver_events, waivers, "
    "milestones, question_risks, findings, reviews, alembic_version"
)
"""Every table the store's migrations create (and Alembic's own), dropped for a clean schema per test."""


def clean(url: str) -> str:
    """Drop the store's tables from the cluster at ``url`` (a new migration's table goes in STORE_TABLES); the url."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text(f"DROP TABLE IF EXISTS {STORE_TABLES} CASCADE"))
    engine.dispose()
    return url
