"""The OIDC login routes: /login/oidc sends the browser to the provider; /login/oidc/callback checks state,
exchanges the code (with the PKCE verifier), validates the ID token and starts a session for the matching local
user. The flow's state, nonce and verifier ride in a signed, HttpOnly cookie that lives ten minutes."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from wasp.store.db import Store

from . import sessions
from .app import render
from .oidc import FLOW_SECONDS, OidcConfig, OidcError
from .security import COOKIE, same, set_cookie
from .users import find_user

router = APIRouter(include_in_schema=False)
FLOW_COOKIE = "wasp_oidc_flow"


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
    """Finish the login: the state must match the cookie's, the ID token must check out, the user must exist."""
    config = _config(request)
    if config is None:
        return render(
            request, "error.html", 404, who=None, title="Not found", message="OIDC login is not set up"
        )
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
        name = config.local_name(claims)
    except OidcError as exc:
        return _refused(request, f"{exc}.")
    store: Store = request.app.state.store
    user = find_user(store, name)
    if user is None:
        return _refused(
            request,
            f"There is no wasp user {name}: ask an admin to add it (wasp users add {name} --role viewer).",
        )
    token = sessions.start(store, user)
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
