"""Server-side sessions: the cookie carries a random token signed with the server's key; the store keeps only
its SHA-256, the user and a CSRF token. Logout deletes the row, so a copied cookie stops working."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from wasp.store.db import Store

from .models import SessionRow
from .users import User, get_user

LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class Current:
    """The user of a request and the CSRF token its forms must carry."""

    user: User
    csrf: str
    session_id: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(store: Store, user: User) -> str:
    """A new session for ``user``; returns the token to put in the (signed) cookie."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with Session(store.writer) as session, session.begin():
        session.execute(delete(SessionRow).where(SessionRow.expires_at < now))
        session.add(
            SessionRow(
                id=_digest(token),
                user_id=user.id,
                csrf=secrets.token_urlsafe(32),
                created_at=now,
                expires_at=now + LIFETIME,
            )
        )
    return token


def lookup(store: Store, token: str) -> Current | None:
    """The session's user and CSRF token; None when unknown, expired, or the user was disabled."""
    with Session(store.engine) as session:
        row = session.get(SessionRow, _digest(token))
        if row is None:
            return None
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires < datetime.now(UTC):
            return None
        user_id, csrf, sid = row.user_id, row.csrf, row.id
    user = get_user(store, user_id)
    return Current(user, csrf, sid) if user is not None else None


def end(store: Store, session_id: str) -> None:
    """Log out: the session row goes, so the cookie is worthless even if copied."""
    with Session(store.writer) as session, session.begin():
        session.execute(delete(SessionRow).where(SessionRow.id == session_id))
