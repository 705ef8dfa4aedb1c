"""Local accounts: roles, assigned questions, Argon2 password hashes (pwdlib), and the email address an OIDC
login binds by (once bound, the provider's issuer and ``sub`` identify the user, never a name)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wasp.errors import InputError
from wasp.store.db import Store, StoreError

from .models import SessionRow, UserRow

ROLES = ("viewer", "stakeholder", "reviewer", "admin")
"""Each role can do everything the ones before it can (a stakeholder only for its assigned questions)."""
QUESTION = re.compile(r"^SEC(0[1-9]|1[01])$")
NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,100}$")
EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]{1,64}@[^@\s\x00-\x1f\x7f]{1,255}$")
"""No whitespace and no control characters: `wasp users list` prints emails to a terminal."""
MIN_PASSWORD = 12


ARGON2 = {"time_cost": 2, "memory_cost": 19456, "parallelism": 1}
"""Argon2id at OWASP's baseline (19 MiB, 2 passes, 1 lane): a login costs a fraction of a second on a small
server instead of the library default's 64 MiB x 4 lanes; stored hashes carry their own parameters."""


@cache
def _hasher() -> Any:
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    return PasswordHash(
        (
            Argon2Hasher(
                time_cost=ARGON2["time_cost"],
                memory_cost=ARGON2["memory_cost"],
                parallelism=ARGON2["parallelism"],
            ),
        )
    )


@dataclass(frozen=True)
class User:
    """A logged-in user as the application sees it (never the hash)."""

    id: int
    name: str
    role: str
    questions: tuple[str, ...]

    def at_least(self, role: str) -> bool:
        """True when this user's role is ``role`` or above."""
        return ROLES.index(self.role) >= ROLES.index(role)

    def may_answer(self, question: str) -> bool:
        """Reviewers and admins answer any question; stakeholders only those assigned to them."""
        if self.at_least("reviewer"):
            return True
        return self.role == "stakeholder" and question in self.questions


def parse_questions(text: str | None) -> tuple[str, ...]:
    """``SEC01,SEC04`` as a tuple; anything that is not a question id is one clear error."""
    if not text:
        return ()
    out = tuple(dict.fromkeys(q.strip().upper() for q in text.split(",") if q.strip()))
    bad = [q for q in out if not QUESTION.match(q)]
    if bad:
        raise InputError(
            f"--questions: {', '.join(bad)} is not a question id; use SEC01..SEC11, comma-separated"
        )
    return out


def fold_email(address: str) -> str | None:
    """The address lower-cased, as emails are stored and compared; None when a character that is not ASCII
    lower-cases to ASCII (KELVIN SIGN to ``k``, dotted capital I to ``i`` and a dot): such an address would
    equal another one it only looks like, so it never matches."""
    if any(not c.isascii() and any(x.isascii() for x in c.lower()) for c in address):
        return None
    return address.lower()


def parse_email(text: str | None) -> str | None:
    """An email address, lower-cased (OIDC logins compare it case-insensitively); empty is None."""
    if text is None or not text.strip():
        return None
    value = text.strip()
    folded = fold_email(value)
    if len(value) > 320 or not EMAIL.match(value) or folded is None:
        raise InputError(f"--email {value!r} is not an email address (name@domain)")
    return folded


def as_user(row: UserRow) -> User:
    """The application's view of a user row."""
    return User(row.id, row.name, row.role, tuple(q for q in row.questions.split(",") if q))


def add_user(
    store: Store,
    name: str,
    role: str,
    password: str,
    questions: tuple[str, ...] = (),
    email: str | None = None,
) -> User:
    """Create a user; a taken name or email, a weak password or an unknown role is one clear error. ``email`` is
    the address the user's first OIDC login must show, verified, to bind them."""
    if not NAME.match(name):
        raise InputError(f"user name {name!r}: use 1-100 letters, digits and . _ @ -")
    if role not in ROLES:
        raise InputError(f"role {role!r}: use one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"the password for {name} is too short: use at least {MIN_PASSWORD} characters")
    if questions and role != "stakeholder":
        raise InputError("--questions is for stakeholders (reviewers and admins answer every question)")
    address = parse_email(email)
    with Session(store.engine) as session:
        twin = session.scalars(select(UserRow.name).where(func.lower(UserRow.name) == name.lower())).first()
    if twin is not None:  # the login limit counts per lower-cased name, and "Ada" would pass for "ada"
        raise StoreError(f"user {twin!r} already exists (names differ by more than case)")
    row = UserRow(
        name=name,
        role=role,
        questions=",".join(questions),
        password_hash=_hasher().hash(password),
        created_at=datetime.now(UTC),
        disabled=False,
        email=address,
    )
    try:
        with Session(store.writer) as session, session.begin():
            session.add(row)
            session.flush()
            return as_user(row)
    except IntegrityError as exc:
        with Session(store.engine) as session:
            taken = address and session.scalars(select(UserRow.id).where(UserRow.email == address)).first()
        if taken:
            raise StoreError(f"another user already has the email {address}") from exc
        raise StoreError(f"user {name!r} already exists") from exc


def set_role(store: Store, name: str, role: str, questions: tuple[str, ...] = ()) -> User:
    """Change a user's role (and a stakeholder's questions); their sessions carry the new role from the next
    request on, since every request reads the user's row."""
    if role not in ROLES:
        raise InputError(f"role {role!r}: use one of {', '.join(ROLES)}")
    if questions and role != "stakeholder":
        raise InputError("--questions is for stakeholders (reviewers and admins answer every question)")
    with Session(store.writer) as session, session.begin():
        row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
        if row is None:
            raise StoreError(f"no user {name!r} (see `wasp users list`)")
        row.role, row.questions = role, ",".join(questions)
        session.flush()
        return as_user(row)


def remove_user(store: Store, name: str) -> None:
    """Remove a user and end their sessions at once (what they answered keeps their name as its author)."""
    with Session(store.writer) as session, session.begin():
        uid = session.scalars(select(UserRow.id).where(UserRow.name == name)).first()
        if uid is None:
            raise StoreError(f"no user {name!r} (see `wasp users list`)")
        session.execute(delete(SessionRow).where(SessionRow.user_id == uid))
        session.execute(delete(UserRow).where(UserRow.id == uid))


def list_users(store: Store) -> list[dict[str, Any]]:
    """Every user: name, role, questions, email and whether an OIDC login is bound (no hashes)."""
    with Session(store.engine) as session:
        return [
            {
                "id": u.id,
                "name": u.name,
                "role": u.role,
                "questions": [q for q in u.questions.split(",") if q],
                "email": u.email,
                "oidc": u.oidc_subject is not None,
            }
            for u in session.scalars(select(UserRow).order_by(UserRow.id))
        ]


_DUMMY: list[str] = []


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user when name and password match; None otherwise (the same work is done for an unknown name)."""
    with Session(store.engine) as session:
        row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
        hasher = _hasher()
        if row is None or row.disabled:
            if not _DUMMY:
                _DUMMY.append(hasher.hash("not a password of anyone"))
            hasher.verify(password, _DUMMY[0])
            return None
        return as_user(row) if hasher.verify(password, row.password_hash) else None


def oidc_user(store: Store, issuer: str, subject: str, email: str | None, verified: bool) -> User | None:
    """The enabled user an OIDC login is: the one bound to (issuer, subject); else, on the first login, the one
    not yet bound whose email equals ``email`` (case-insensitive, exact address) when the provider says it is
    ``verified``, which binds them. None otherwise: a name is never enough."""
    with Session(store.writer) as session, session.begin():
        row = session.scalars(
            select(UserRow).where(UserRow.oidc_issuer == issuer, UserRow.oidc_subject == subject)
        ).first()
        if row is not None:
            return None if row.disabled else as_user(row)
        address = fold_email(email) if email and verified else None
        if address is None:
            return None
        row = session.scalars(
            select(UserRow).where(
                UserRow.email == address, UserRow.oidc_subject.is_(None), UserRow.oidc_issuer.is_(None)
            )
        ).first()
        if row is None or row.disabled:
            return None
        bound: CursorResult[Any] = session.execute(  # type: ignore[assignment]
            update(UserRow)
            .where(UserRow.id == row.id, UserRow.oidc_subject.is_(None), UserRow.oidc_issuer.is_(None))
            .values(oidc_issuer=issuer, oidc_subject=subject)
        )
        return as_user(row) if bound.rowcount == 1 else None  # another login bound them first
