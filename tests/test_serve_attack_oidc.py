"""An adversary against the OIDC login of `wasp serve`: logging in as another user (case and Unicode tricks in
the email, ``email_verified`` as a string, no ``sub``, another issuer, a replayed flow or token, alg confusion), and
the ID token kept for logout leaking (pages, API, `wasp users list`, logs)."""

from __future__ import annotations

import logging
import threading
import time
import urllib.parse
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("authlib")

from click.testing import CliRunner
from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import OctKey

from test_serve_oidc import CLIENT_ID, SECRET, Provider, _callback, _handler, _start
from wasp.serve.app import create_app
from wasp.serve.oidc import OidcConfig, OidcError
from wasp.serve.users import add_user, list_users, oidc_user, parse_email
from wasp.store import Store, open_store


@pytest.fixture()
def idp() -> Iterator[Provider]:
    """The small identity provider of tests/test_serve_oidc.py, on 127.0.0.1."""
    p = Provider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(p))
    p.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield p
    server.shutdown()
    server.server_close()


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'w.db'}"


@pytest.fixture()
def store(db: str) -> Store:
    s = open_store(db)
    add_user(s, "kim", "admin", "a long enough password", email="kim@example.com")
    add_user(s, "ada", "reviewer", "a long enough password", email="ada@example.com")
    return s


@pytest.fixture()
def app_client(idp: Provider, store: Store) -> TestClient:
    config = OidcConfig(idp.issuer, CLIENT_ID, SECRET)
    return TestClient(create_app(store, secret_key="k" * 32, oidc=config), follow_redirects=False)


def _login(c: TestClient, p: Provider, **claims: Any) -> Any:
    url = _start(c)
    return _callback(c, url, p.grant(url, **claims))


@pytest.mark.parametrize(
    "lookalike",
    [
        "\u212aim@example.com",  # KELVIN SIGN: lower() makes it an ASCII k
        "\u212aIM@EXAMPLE.COM",
        "\u0130m@example.com",  # LATIN CAPITAL I WITH DOT: lower() gives i + a combining dot
        "k\u0456m@example.com",  # CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
        "kim@ex\u0430mple.com",  # CYRILLIC SMALL LETTER A
        "kim@example.com\u200b",  # zero-width space
        "KIM@EXAMPLE.COM\x00",
    ],
)
def test_unicode_look_alikes_of_an_admins_email_do_not_bind(
    app_client: TestClient,
    idp: Provider,
    lookalike: str,
) -> None:
    r = _login(app_client, idp, sub="mallory", email=lookalike)
    assert r.status_code == 403 and app_client.get("/api/me").status_code == 401
    assert not any(u["oidc"] for u in list_users(app_client.app.state.store))  # type: ignore[attr-defined]


def test_an_ascii_case_variant_still_binds(app_client: TestClient, idp: Provider) -> None:
    """What the documentation promises: case-insensitive, otherwise exact."""
    assert _login(app_client, idp, sub="kim-idp", email="Kim@Example.COM").status_code == 303
    assert app_client.get("/api/me").json()["name"] == "kim"


def test_an_admin_cannot_be_given_an_email_only_a_look_alike_reaches(store: Store) -> None:
    """The fold is the same on both sides: an address whose lower case is another address is refused."""
    from wasp.errors import InputError

    with pytest.raises(InputError):
        parse_email("\u212aim@example.org")
    assert oidc_user(store, "https://idp", "s", "\u212aIM@EXAMPLE.COM", True) is None


@pytest.mark.parametrize("verified", ["false", "False", "0", 1, "yes", None, ["true"], {"v": True}])
def test_email_verified_other_than_true_does_not_bind(
    app_client: TestClient,
    idp: Provider,
    verified: Any,
) -> None:
    r = _login(app_client, idp, sub="mallory", email_verified=verified)
    assert r.status_code == 403 and app_client.get("/api/me").status_code == 401


@pytest.mark.parametrize("sub", [None, "", 42, ["kim"], "x" * 256])
def test_no_usable_sub_is_refused(app_client: TestClient, idp: Provider, sub: Any) -> None:
    url = _start(app_client)
    code = idp.grant(url, drop=("sub",)) if sub is None else idp.grant(url, sub=sub)
    r = _callback(app_client, url, code)
    assert r.status_code == 403 and "subject" in r.text
    assert app_client.get("/api/me").status_code == 401


def test_a_second_issuer_cannot_take_over_a_bound_user(
    idp: Provider,
    store: Store,
    tmp_path: Path,
) -> None:
    """kim is bound at the first provider; a second one (same sub, same verified email) is not kim."""
    assert oidc_user(store, idp.issuer, "kim-sub", "kim@example.com", True) is not None
    other = "https://idp2.example"
    assert oidc_user(store, other, "kim-sub", "kim@example.com", True) is None
    assert oidc_user(store, other, "kim-sub", None, False) is None
    assert oidc_user(store, idp.issuer, "kim-sub", None, False) is not None


def test_a_replayed_callback_is_refused(app_client: TestClient, idp: Provider) -> None:
    url = _start(app_client)
    code = idp.grant(url)
    flow = app_client.cookies.get("wasp_oidc_flow")
    assert _callback(app_client, url, code).status_code == 303
    app_client.cookies.clear()
    app_client.cookies.set("wasp_oidc_flow", flow or "")
    r = _callback(app_client, url, code)  # the same state, cookie and code again
    assert r.status_code == 403 and app_client.get("/api/me").status_code == 401


def test_another_logins_flow_cookie_does_not_fit(app_client: TestClient, idp: Provider) -> None:
    """Login CSRF: a victim handed the attacker's callback URL has another flow cookie (state mismatch)."""
    attacker_url = _start(app_client)
    attacker_code = idp.grant(attacker_url, sub="mallory", email="ada@example.com")
    app_client.cookies.clear()
    _start(app_client)  # the victim's own flow
    r = _callback(app_client, attacker_url, attacker_code)
    assert r.status_code == 400 and "state mismatch" in r.text


@pytest.mark.parametrize("alg", ["none", "HS256"])
def test_unsigned_or_symmetric_tokens_are_refused(idp: Provider, alg: str) -> None:
    """alg confusion: a token signed with HS256 (keyed by anything public) or not at all is never accepted."""
    cfg = OidcConfig(idp.issuer, CLIENT_ID, SECRET)
    now = int(time.time())
    claims = {"iss": idp.issuer, "sub": "x", "aud": CLIENT_ID, "exp": now + 60, "iat": now, "nonce": "n"}
    if alg == "none":
        import base64
        import json

        def b64(d: dict[str, Any]) -> str:
            return base64.urlsafe_b64encode(json.dumps(d).encode()).rstrip(b"=").decode()

        token = f"{b64({'alg': 'none'})}.{b64(claims)}."
    else:
        token = jwt.encode({"alg": "HS256"}, claims, OctKey.import_key(SECRET.encode()))
    with pytest.raises(OidcError, match="signature"):
        cfg.validate(token, "n")


def test_the_id_token_never_leaks(
    app_client: TestClient,
    idp: Provider,
    db: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    idp.end_session = True
    caplog.set_level(logging.DEBUG)
    assert _login(app_client, idp, sub="kim-idp", email="kim@example.com").status_code == 303
    token = idp.id_tokens[-1]
    parts = token.split(".")
    seen = [
        app_client.get(path).text
        for path in ("/", "/admin/users", "/api/me", "/api/users", "/milestones", "/api/workloads", "/nope")
    ]
    from wasp.cli.app import cli

    listed = CliRunner().invoke(cli, ["users", "list", "--db", db])
    assert listed.exit_code == 0, listed.output
    seen += [listed.output, caplog.text]
    for text in seen:
        assert token not in text and parts[2] not in text and parts[1] not in text
    csrf = app_client.get("/api/me").json()["csrf"]
    r = app_client.post("/logout", data={"csrf": csrf})
    target = urllib.parse.urlsplit(r.headers["location"])
    # only the provider's own end-session endpoint gets it, and the way back is this site's login page
    assert f"{target.scheme}://{target.netloc}" == idp.issuer and target.path == "/logout"
    q = dict(urllib.parse.parse_qsl(target.query))
    assert q["id_token_hint"] == token
    assert urllib.parse.urlsplit(q["post_logout_redirect_uri"]).path == "/login"
    assert token not in caplog.text


@pytest.mark.parametrize("name", ["post_logout_redirect_uri", "next", "redirect", "return_to"])
def test_no_parameter_redirects_a_logout_or_login_elsewhere(
    app_client: TestClient,
    idp: Provider,
    name: str,
) -> None:
    idp.end_session = True
    evil = "https://evil.example/phish"
    url = _start(app_client)
    r = app_client.get(
        "/login/oidc/callback",
        params={
            "code": idp.grant(url),
            **dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)),
            name: evil,
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/"
    csrf = app_client.get("/api/me").json()["csrf"]
    r = app_client.post(f"/logout?{name}={urllib.parse.quote(evil)}", data={"csrf": csrf, name: evil})
    assert "evil.example" not in r.headers["location"]
    assert app_client.get(f"/login?{name}={urllib.parse.quote(evil)}").status_code == 200
