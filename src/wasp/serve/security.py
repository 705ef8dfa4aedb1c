"""Secure-by-default plumbing: response headers (strict CSP), signed session cookies, CSRF tokens, and login
rate limiting."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable

from itsdangerous import BadSignature, Signer
from starlette.requests import Request
from starlette.responses import Response

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
    """At most ``attempts`` failed logins per ``window`` seconds per user name and per client address."""

    def __init__(
        self,
        attempts: int = 5,
        window: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = 10_000,
    ) -> None:
        self.attempts, self.window, self.clock, self.max_keys = attempts, window, clock, max_keys
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str) -> deque[float]:
        now = self.clock()
        q = self._failures.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def blocked(self, *keys: str) -> bool:
        """True when any key has used up its attempts."""
        with self._lock:
            return any(len(self._recent(k)) >= self.attempts for k in keys)

    def failed(self, *keys: str) -> None:
        """Count a failed login against each key (keys whose failures have aged out are forgotten, so a spray
        of made-up names cannot grow the table without bound)."""
        with self._lock:
            if len(self._failures) >= self.max_keys:
                for k in [k for k in self._failures if not self._recent(k)]:
                    del self._failures[k]
            for k in keys:
                self._recent(k).append(self.clock())

    def succeeded(self, name_key: str) -> None:
        """A successful login clears the name's failures (not the address's)."""
        with self._lock:
            self._failures.pop(name_key, None)
