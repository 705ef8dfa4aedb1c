"""Migration 0004 on SQLite and a real PostgreSQL: a store from 0003 with users and a session in it gains the
users' email and OIDC binding (unique on issuer and subject), the sessions' ID token and the failed-login table,
keeping every row; email-like names carry over as emails unless two differ only in case."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import IntegrityError

pytest.importorskip("pwdlib")

from pgcluster import clean, cluster
from wasp.serve import sessions, users
from wasp.serve.security import LoginLimiter
from wasp.store import open_store
from wasp.store.db import StoreError, _scripts

OLD_USERS = [
    ("ada@example.com", "admin"),
    ("Bob@Example.com", "viewer"),
    ("bob@example.com", "viewer"),
    ("rita", "reviewer"),
]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str | None]:
    with cluster() as url:
        if url is None and os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL (see .ci/run)")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_url: str | None) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'old.db'}"
    if pg_url is None:
        pytest.skip("PostgreSQL is not installed here")
    return clean(pg_url)


def _engine(url: str) -> Engine:
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"))


def _migrate(url: str, target: str, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config

    engine = _engine(url)
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(_scripts().dir))
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)
    engine.dispose()


def _store_at_0003(url: str) -> str:
    """A 0003 store with four users (hashes of a real password) and a live session of rita's; its token."""
    _migrate(url, "0003")
    hashed = users._hasher().hash("a long enough password")
    engine = _engine(url)
    with engine.begin() as conn:
        for name, role in OLD_USERS:
            conn.execute(
                text(
                    "INSERT INTO users (name, role, questions, password_hash, created_at, disabled) "
                    "VALUES (:name, :role, '', :hash, '2026-11-01 10:00:00+00:00', false)"
                ),
                {"name": name, "role": role, "hash": hashed},
            )
        conn.execute(
            text(
                "INSERT INTO user_sessions (id, user_id, csrf, created_at, expires_at) "
                "SELECT :id, id, 'csrf-token', '2026-11-01 10:00:00+00:00', '2999-01-01 00:00:00+00:00' FROM users WHERE name = 'rita'"
            ),
            {"id": sessions._digest("rita-token")},
        )
    engine.dispose()
    return "rita-token"


def test_a_0003_store_with_users_is_upgraded_in_place(db_url: str) -> None:
    token = _store_at_0003(db_url)
    store = open_store(db_url)
    with store.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            == _scripts().get_current_head()
        )
    listed = {u["name"]: (u["role"], u["email"], u["oidc"]) for u in users.list_users(store)}
    assert listed == {
        "ada@example.com": ("admin", "ada@example.com", False),
        "Bob@Example.com": ("viewer", None, False),  # two names that differ only in case: neither guessed
        "bob@example.com": ("viewer", None, False),
        "rita": ("reviewer", None, False),
    }
    assert users.authenticate(store, "rita", "a long enough password") is not None
    live = sessions.lookup(store, token)  # sessions survive the upgrade
    assert live is not None and live.user.name == "rita" and live.csrf == "csrf-token"
    assert sessions.end(store, live.session_id) is None  # a password session has no ID token
    # the carried-over email binds on a verified first login, then the subject decides
    ada = users.oidc_user(store, "https://idp.example", "sub-ada", "ADA@example.com", True)
    assert ada is not None and ada.name == "ada@example.com"
    assert users.oidc_user(store, "https://idp.example", "sub-ada", None, False) == ada
    # the new failed-login table works
    limiter = LoginLimiter(attempts=1, store=store)
    limiter.failed("name:rita")
    assert limiter.blocked("name:rita")


def test_one_provider_account_binds_one_user_and_an_email_one_user(db_url: str) -> None:
    _store_at_0003(db_url)
    store = open_store(db_url)
    engine = _engine(db_url)
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE users SET oidc_issuer = 'https://i', oidc_subject = 's' WHERE name IN ('ada@example.com', 'rita')"
            )
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text("UPDATE users SET email = 'rita@example.com' WHERE name IN ('Bob@Example.com', 'rita')")
        )
    engine.dispose()
    with pytest.raises(StoreError, match=r"already has the email ada@example\.com"):
        users.add_user(store, "ada2", "viewer", "a long enough password", email="Ada@Example.COM")
    added = users.add_user(store, "dora", "viewer", "a long enough password", email="Dora@Example.com")
    assert users.oidc_user(store, "https://i", "dora-sub", "dora@example.com", True) == added


def test_the_migration_goes_back_down(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'down.db'}"
    _store_at_0003(url)
    _migrate(url, "0004")
    _migrate(url, "0003", down=True)
    engine = _engine(url)
    with engine.connect() as conn:
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(users)"))]
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
        count = conn.execute(text("SELECT count(*) FROM users")).scalar()
    engine.dispose()
    assert "email" not in columns and "oidc_subject" not in columns
    assert "login_failures" not in tables and count == len(OLD_USERS)
