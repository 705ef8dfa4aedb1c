"""Secure-by-default plumbing: response headers (strict CSP), signed session cookies, CSRF tokens, and login
rate limiting (shared through the store)."""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from itsdangerous import BadSignature, Signer
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from .models import LoginFailureRow

if TYPE_CHECKING:
    from wasp.store.db import Store

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
"""No inline script or style, nothing from another origin, never framed."""
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
COOKIE = "wasp_session"
LOGIN_CSRF_COOKIE = "wasp_login_csrf"


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Add the security headers to every response (HSTS too when served over HTTPS)."""
    response = await call_next(request)
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.url.scheme == "https":
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.url.path != "/static" and not request.url.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


class CookieSigner:
    """Signs session tokens with the server's key, so a cookie wasp did not issue is refused unread."""

    def __init__(self, key: str) -> None:
        self._signer = Signer(key, salt="wasp-session")

    def sign(self, token: str) -> str:
        """The cookie value for a token."""
        return self._signer.sign(token).decode()

    def unsign(self, value: str) -> str | None:
        """The token, or None when the signature does not match."""
        try:
            return self._signer.unsign(value).decode()
        except BadSignature:
            return None


def set_cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    """An HttpOnly, SameSite=Lax cookie for the whole site, Secure when the request came over HTTPS."""
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return bool(a) and bool(b) and hmac.compare_digest(str(a), str(b))


def new_token() -> str:
    """A random token for a login form's double-submit CSRF cookie."""
    return secrets.token_urlsafe(32)


class LoginLimiter:
    """At most ``attempts`` failed logins per ``window`` seconds per user name and per client address.

    Failures are rows in the store (``login_failures``: key and time), so every ``uvicorn`` worker and every host
    on the same store shares one limit; each failure prunes the rows older than the window, so the table holds only
    the window's failures. Bind it to the store with :meth:`bind` (``create_app`` does). Two processes checking at
    the same instant may each let one more attempt through; the limit is never lifted by that. ``max_keys`` is
    accepted for callers of the in-memory limiter this replaced: pruning by age bounds the table instead.
    """

    def __init__(
        self,
        attempts: int = 5,
        window: float = 300.0,
        clock: Callable[[], float] = time.time,
        max_keys: int = 10_000,
        store: Store | None = None,
    ) -> None:
        self.attempts, self.window, self.clock, self.max_keys = attempts, window, clock, max_keys
        self._store = store

    def bind(self, store: Store) -> LoginLimiter:
        """Keep the failures in ``store`` (a limiter already bound keeps its own); returns the limiter."""
        if self._store is None:
            self._store = store
        return self

    @property
    def store(self) -> Store:
        """The store holding the failures."""
        if self._store is None:
            raise RuntimeError("the login limiter is not bound to a store: call bind(store)")
        return self._store

    @staticmethod
    def _keys(keys: tuple[str, ...]) -> list[str]:
        return list(dict.fromkeys(k[:200] for k in keys))

    def blocked(self, *keys: str) -> bool:
        """True when any key has used up its attempts within the window (failures recorded by another host up to a
        window ahead of this clock count too)."""
        if not keys:
            return False
        now = self.clock()
        with Session(self.store.engine) as session:
            counts = session.execute(
                select(func.count())
                .select_from(LoginFailureRow)
                .where(
                    LoginFailureRow.key.in_(self._keys(keys)),
                    LoginFailureRow.at > now - self.window,
                    LoginFailureRow.at
                    < now + self.window,  # a host whose clock is far ahead counts only a while
                )
                .group_by(LoginFailureRow.key)
            ).scalars()
            return any(n >= self.attempts for n in counts)

    def failed(self, *keys: str) -> None:
        """Count a failed login against each key, and forget failures older than the window (so a spray of
        made-up names cannot grow the table without bound)."""
        now = self.clock()
        with Session(self.store.writer) as session, session.begin():
            session.execute(delete(LoginFailureRow).where(LoginFailureRow.at <= now - self.window))
            if keys:
                session.execute(insert(LoginFailureRow), [{"key": k, "at": now} for k in self._keys(keys)])

    def succeeded(self, name_key: str) -> None:
        """A successful login clears the name's failures (not the address's)."""
        with Session(self.store.writer) as session, session.begin():
            session.execute(delete(LoginFailureRow).where(LoginFailureRow.key == name_key[:200]))
