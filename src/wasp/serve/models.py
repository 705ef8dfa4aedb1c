"""The web application's tables (migration 0003): users, sessions, uploads, answers and plan items.

Answers and plan items are never updated in place: each change is a new row with the next version, who and
when, so the history is the table itself and the latest version is the current state.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wasp.store.models import Base


class UserRow(Base):
    """A local account: role, the questions a stakeholder answers, and an Argon2 password hash."""

    __tablename__ = "users"
    __table_args__ = (
        Index("ix_users_email", "email", unique=True),
        Index("uq_users_oidc", "oidc_issuer", "oidc_subject", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    questions: Mapped[str] = mapped_column(String(200))
    """Comma-separated question ids (SEC01,SEC04); empty for none."""
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str | None] = mapped_column(String(320), nullable=True, default=None)
    """Lower-cased (migration 0004): the address an OIDC login's verified ``email`` claim must equal to bind."""
    oidc_issuer: Mapped[str | None] = mapped_column(String(500), nullable=True, default=None)
    oidc_subject: Mapped[str | None] = mapped_column(String(255), nullable=True, default=None)
    """The identity provider's ``sub`` this user is bound to (with the issuer) after the first OIDC login."""


class SessionRow(Base):
    """A logged-in session: the SHA-256 of its token (the token itself is only in the signed cookie)."""

    __tablename__ = "user_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    id_token: Mapped[str | None] = mapped_column(Text, nullable=True, default=None)
    """The ID token of an OIDC login (migration 0004), sent back as ``id_token_hint`` at logout."""


class UploadRow(Base):
    """An evidence file kept in the store (size and type limited on upload)."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workload: Mapped[str] = mapped_column(String(200))
    best_practice: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AnswerRow(Base):
    """One version of the answer for a best practice of a workload."""

    __tablename__ = "answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workload: Mapped[str] = mapped_column(String(200))
    best_practice: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    answer: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
    evidence: Mapped[str] = mapped_column(Text)
    """JSON list of links or text."""
    notes: Mapped[str] = mapped_column(Text)
    expires: Mapped[date | None] = mapped_column(Date, nullable=True)
    upload_id: Mapped[int | None] = mapped_column(ForeignKey("uploads.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PlanItemRow(Base):
    """One version of an improvement plan item's status."""

    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workload: Mapped[str] = mapped_column(String(200))
    best_practice: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    due: Mapped[date | None] = mapped_column(Date, nullable=True)
    comment: Mapped[str] = mapped_column(Text)
    waiver_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """A failed login (migration 0004), counted against a key (``name:...`` or ``addr:...``) so that every
    server process on the store shares the limit; rows older than the window are pruned as failures arrive."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"), Index("ix_login_failures_at", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))
    at: Mapped[float] = mapped_column(Float)
    """Seconds since the epoch (the limiter's clock)."""
