"""The OIDC login routes: /login/oidc sends the browser to the provider; /login/oidc/callback checks state,
exchanges the code (with the PKCE verifier), validates the ID token and starts a session for the user bound to the
token's issuer and subject (the first login binds by verified email). The flow's state, nonce and verifier ride in
a signed, HttpOnly cookie that lives ten minutes. Every refused callback counts as a failed login against the
client's address (the login rate limit, shared through the store); ``logout_target`` sends a logout to the
provider's end-session endpoint when it has one."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from wasp.store.db import Store

from . import sessions
from .app import render
from .oidc import FLOW_SECONDS, OidcConfig, OidcError
from .security import COOKIE, LoginLimiter, same, set_cookie
from .users import User, oidc_user

router = APIRouter(include_in_schema=False)
FLOW_COOKIE = "wasp_oidc_flow"
NOT_ADDED = (
    "There is no wasp user with this email address: ask an admin to add you with --email "
    "(wasp users add NAME --role viewer --email ADDRESS)."
)
log = logging.getLogger(__name__)


def _config(request: Request) -> OidcConfig | None:
    config: OidcConfig | None = getattr(request.app.state, "oidc", None)
    return config


def _serializer(request: Request) -> URLSafeTimedSerializer:
    serializer: URLSafeTimedSerializer = request.app.state.flow_serializer
    return serializer


def _refused(request: Request, message: str, status: int = 403) -> Response:
    response = render(request, "error.html", status, who=None, title="Login refused", message=message)
    response.delete_cookie(FLOW_COOKIE, path="/")
    return response


@router.get("/login/oidc")
def oidc_start(request: Request) -> Response:
    """Start a login at the identity provider: new state, nonce and PKCE verifier, remembered in a cookie."""
    from authlib.common.security import generate_token  # type: ignore[import-untyped]
    from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]

    config = _config(request)
    if config is None:
        return render(
            request, "error.html", 404, who=None, title="Not found", message="OIDC login is not set up"
        )
    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
    try:
        target = config.authorize_url(
            str(request.url_for("oidc_callback")), state, nonce, create_s256_code_challenge(verifier)
        )
    except OidcError as exc:
        return _refused(request, str(exc), 502)
    response = RedirectResponse(target, status_code=303)
    flow = _serializer(request).dumps({"state": state, "nonce": nonce, "verifier": verifier})
    set_cookie(response, request, FLOW_COOKIE, flow, FLOW_SECONDS)
    return response


@router.get("/login/oidc/callback", name="oidc_callback")
def oidc_callback(request: Request) -> Response:
    """Finish the login: the state must match the cookie's, the ID token must check out, the user must be bound
    (or bindable by verified email). Refusals count against the client's address; too many are answered 429."""
    config = _config(request)
    if config is None:
        return render(
            request, "error.html", 404, who=None, title="Not found", message="OIDC login is not set up"
        )
    limiter: LoginLimiter = request.app.state.limiter
    address = f"addr:{request.client.host if request.client else '-'}"
    if limiter.blocked(address):
        return _refused(request, "Too many failed logins: wait a few minutes and try again.", 429)
    outcome = _finish(request, config)
    if isinstance(outcome, Response):
        limiter.failed(address)
    return outcome if isinstance(outcome, Response) else _logged_in(request, *outcome)


def _finish(request: Request, config: OidcConfig) -> Response | tuple[User, str]:
    """The user and ID token of a good callback, or the refusal page."""
    raw = request.cookies.get(FLOW_COOKIE)
    try:
        flow = _serializer(request).loads(raw, max_age=FLOW_SECONDS) if raw else None
    except (BadSignature, ValueError):
        flow = None
    if not isinstance(flow, dict) or not all(
        isinstance(flow.get(k), str) for k in ("state", "nonce", "verifier")
    ):
        return _refused(
            request, "The login took too long or was not started here: start again from /login.", 400
        )
    if not same(request.query_params.get("state"), flow["state"]):
        return _refused(
            request, "The login does not match the one started here (state mismatch): try again.", 400
        )
    if request.query_params.get("error"):
        return _refused(request, "The identity provider did not log you in.")
    code = request.query_params.get("code")
    if not code:
        return _refused(request, "The identity provider sent no authorisation code.", 400)
    try:
        id_token = config.exchange(code, str(request.url_for("oidc_callback")), flow["verifier"])
        claims = config.validate(id_token, flow["nonce"])
        subject, email, verified = config.identity(claims)
    except OidcError as exc:
        return _refused(request, f"{exc}.")
    store: Store = request.app.state.store
    user = oidc_user(store, config.issuer, subject, email, verified)
    if user is not None:
        return user, id_token
    if email and not verified:
        return _refused(
            request,
            "The identity provider says your email address is not verified: verify it there, or ask an admin.",
        )
    return _refused(request, NOT_ADDED)


def _logged_in(request: Request, user: User, id_token: str) -> Response:
    store: Store = request.app.state.store
    token = sessions.start(store, user, id_token=id_token)
    response = RedirectResponse("/", status_code=303)
    set_cookie(
        response,
        request,
        COOKIE,
        request.app.state.signer.sign(token),
        int(sessions.LIFETIME.total_seconds()),
    )
    response.delete_cookie(FLOW_COOKIE, path="/")
    return response


def logout_target(request: Request, id_token: str | None) -> str:
    """Where a logout sends the browser: the provider's end-session endpoint (with ``id_token_hint`` and
    ``post_logout_redirect_uri`` back to /login) for a session started by an OIDC login when the provider has
    one; /login otherwise. The wasp session is already gone either way."""
    config = _config(request)
    if config is None or not id_token:
        return "/login"
    try:
        target = config.end_session_url(id_token, str(request.url_for("login_page")))
    except OidcError as exc:
        log.warning("logged out locally only: %s", exc)
        return "/login"
    return target or "/login"
