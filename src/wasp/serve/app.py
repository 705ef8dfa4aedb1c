"""The application: FastAPI with server-rendered Jinja2 pages (autoescaped) and JSON under /api/."""

from __future__ import annotations

import secrets
import threading
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from itsdangerous import URLSafeTimedSerializer
from jinja2 import Environment, PackageLoader, select_autoescape

from wasp.errors import InputError
from wasp.store.db import Store, StoreError

from .auth import Forbidden, NotLoggedIn, current
from .data import Reviews
from .security import CookieSigner, LoginLimiter, security_headers

if TYPE_CHECKING:
    from .oidc import OidcConfig


def templates() -> Environment:
    """The page templates; every value is HTML-escaped unless a template says otherwise (none does)."""
    env = Environment(
        loader=PackageLoader("wasp.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def prepare(env: Environment, reviews: Reviews | None) -> None:
    """What every server pays once, before its first views need it: the guidance links (the catalogue), the page
    templates compiled, and with ``reviews`` the outline of each workload's latest review."""
    from .guidance import guidance_links

    guidance_links()
    for name in ("dashboard.html", "question.html", "finding.html", "plan.html"):
        env.get_template(name)
    if reviews is not None:
        reviews.warm()


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """A page, with the user and their CSRF token for its forms."""
    who = context.pop("who", None) or current(request)
    env: Environment = request.app.state.templates
    html = env.get_template(name).render(request=request, who=who, **context)
    return Response(html, status_code=status, media_type="text/html; charset=utf-8")


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(
    store: Store,
    *,
    secret_key: str | None = None,
    limiter: LoginLimiter | None = None,
    warm: bool = False,
    oidc: OidcConfig | None = None,
) -> FastAPI:
    """The web application over ``store``. Without ``secret_key`` a random one is made (sessions then end
    when the server restarts). In the background at start the server loads the catalogue's guidance links and
    compiles its templates, and with ``warm`` reads the latest reviews' outlines into the cache.
    ``oidc`` adds login with that identity provider (/login/oidc) next to local passwords."""
    from . import api, oidc_pages, pages

    app = FastAPI(
        title="wasp",
        summary="The Well-Architected Security Pillar review store",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    app.state.store = store
    app.state.reviews = Reviews(store)
    key = secret_key or secrets.token_urlsafe(32)
    app.state.signer = CookieSigner(key)
    app.state.oidc = oidc
    app.state.flow_serializer = URLSafeTimedSerializer(key, salt="wasp-oidc-flow")
    app.state.limiter = (limiter or LoginLimiter()).bind(store)  # failures in the store: shared by workers
    app.state.templates = templates()
    threading.Thread(
        target=prepare,
        args=(app.state.templates, app.state.reviews if warm else None),
        name="wasp-serve-warm",
        daemon=True,
    ).start()
    app.middleware("http")(security_headers)
    static = resources.files("wasp.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(pages.router)
    app.include_router(oidc_pages.router)
    app.include_router(api.router)

    @app.exception_handler(NotLoggedIn)
    async def _login(request: Request, _exc: NotLoggedIn) -> Response:
        if _api(request):
            return JSONResponse({"detail": "log in first (POST /login)"}, status_code=401)
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        if _api(request):
            return JSONResponse({"detail": exc.what}, status_code=403)
        return render(request, "error.html", 403, title="Not allowed", message=exc.what)

    @app.exception_handler(StoreError)
    async def _missing(request: Request, exc: StoreError) -> Response:
        status = 404 if str(exc).startswith("no ") else 409
        if _api(request):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        return render(
            request,
            "error.html",
            status,
            title="Not found" if status == 404 else "Conflict",
            message=str(exc),
        )

    @app.exception_handler(InputError)
    async def _bad(request: Request, exc: InputError) -> Response:
        if _api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return render(request, "error.html", 400, title="Please check the form", message=str(exc))

    return app
