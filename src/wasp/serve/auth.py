"""Who is asking, and may they: every route depends on ``need(role)``; forms and API writes on ``need_write``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request

from wasp.store.db import Store

from .security import COOKIE, CookieSigner, same
from .sessions import Current, lookup


class NotLoggedIn(Exception):
    """No valid session: pages redirect to /login, the API answers 401."""


class Forbidden(Exception):
    """Logged in, but the role (or the question assignment) does not allow this."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


def current(request: Request) -> Current | None:
    """The session of this request, if its cookie is signed by this server and the session is live."""
    store: Store = request.app.state.store
    signer: CookieSigner = request.app.state.signer
    raw = request.cookies.get(COOKIE)
    token = signer.unsign(raw) if raw else None
    return lookup(store, token) if token else None


def need(role: str) -> Callable[[Request], Current]:
    """A dependency: the current session, whose user has ``role`` or above."""

    def check(request: Request) -> Current:
        who = current(request)
        if who is None:
            raise NotLoggedIn()
        if not who.user.at_least(role):
            raise Forbidden(f"this needs the {role} role; you are {who.user.role}")
        return who

    return check


def need_write(role: str) -> Callable[[Request], Awaitable[Current]]:
    """``need(role)`` and a valid CSRF token: the form's ``csrf`` field, or the API's X-CSRF-Token header."""
    base = need(role)

    async def check(request: Request) -> Current:
        who = base(request)
        if request.url.path.startswith("/api/"):
            sent = request.headers.get("x-csrf-token")
        else:
            form = await request.form()
            value = form.get("csrf")
            sent = value if isinstance(value, str) else None
        if not same(sent, who.csrf):
            raise Forbidden("the form is out of date or was not sent by wasp (CSRF token missing or wrong)")
        return who

    return check


def may_answer(who: Current, practice: str) -> None:
    """Stakeholders answer only their questions (SEC04-BP01 belongs to SEC04); viewers none."""
    if not who.user.may_answer(practice[:5]):
        raise Forbidden(f"{who.user.name} may not answer {practice[:5]}")
