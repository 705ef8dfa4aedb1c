"""Server-side sessions: the cookie carries a random token signed with the server's key; the store keeps only
its SHA-256, the user and a CSRF token (and, for an OIDC login, the ID token to send back to the provider at
logout: never in the cookie). Logout deletes the row, so a copied cookie stops working. Every request reads the
user's row with the session, so a disabled, removed or demoted user's sessions change at once."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from wasp.store.db import Store

from .models import SessionRow, UserRow
from .users import User, as_user

LIFETIME = timedelta(hours=12)


@dataclass(frozen=True)
class Current:
    """The user of a request and the CSRF token its forms must carry."""

    user: User
    csrf: str
    session_id: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(store: Store, user: User, id_token: str | None = None) -> str:
    """A new session for ``user`` (``id_token``: the OIDC login's, kept server-side for logout at the provider);
    returns the token to put in the (signed) cookie."""
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
                id_token=id_token,
            )
        )
    return token


def lookup(store: Store, token: str) -> Current | None:
    """The session's user and CSRF token; None when unknown, expired, or the user was disabled (one query)."""
    with Session(store.engine) as session:
        found = session.execute(
            select(SessionRow.id, SessionRow.csrf, SessionRow.expires_at, UserRow)
            .join(UserRow, UserRow.id == SessionRow.user_id)
            .where(SessionRow.id == _digest(token))
        ).first()
        if found is None or found.UserRow.disabled:
            return None
        expires = found.expires_at if found.expires_at.tzinfo else found.expires_at.replace(tzinfo=UTC)
        if expires < datetime.now(UTC):
            return None
        return Current(as_user(found.UserRow), found.csrf, found.id)


def end(store: Store, session_id: str) -> str | None:
    """Log out: the session row goes, so the cookie is worthless even if copied. Returns the session's OIDC ID
    token (None for a password login), for the provider's logout."""
    with Session(store.writer) as session, session.begin():
        id_token = session.scalars(select(SessionRow.id_token).where(SessionRow.id == session_id)).first()
        session.execute(delete(SessionRow).where(SessionRow.id == session_id))
    return id_token
