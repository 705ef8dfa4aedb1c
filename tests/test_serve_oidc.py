"""OIDC login against a tiny identity provider run on 127.0.0.1 in the test (discovery, JWKS, token endpoint),
signing ID tokens with a key made here: a good login, each way a login must be refused, binding by verified email
then by (issuer, sub), the callback's rate limit, and logout at the provider (RP-initiated logout)."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("authlib")

from fastapi.testclient import TestClient
from joserfc import jwt
from joserfc.jwk import RSAKey

from serve_support import login
from wasp.serve.app import create_app
from wasp.serve.oidc import OidcConfig, OidcError
from wasp.serve.security import LoginLimiter
from wasp.serve.users import add_user, list_users
from wasp.store import open_store

CLIENT_ID, SECRET = "wasp-test", "s3cret-for-the-test"


@dataclass
class Provider:
    """The fake provider's state: its key, and the codes it has handed out (code -> what the token says)."""

    issuer: str = ""
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "k1"}))
    codes: dict[str, dict[str, Any]] = field(default_factory=dict)
    token_requests: list[dict[str, Any]] = field(default_factory=list)
    id_tokens: list[str] = field(default_factory=list)
    end_session: bool = False
    """Whether the discovery document names an end_session_endpoint."""

    def grant(self, authorize_url: str, sub: str = "u1", drop: tuple[str, ...] = (), **overrides: Any) -> str:
        """Log the person in at the provider: a code bound to the request's challenge, nonce and claims."""
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize_url).query))
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": sub,
            "aud": CLIENT_ID,
            "exp": now + 300,
            "iat": now,
            "nonce": q["nonce"],
            "email": "ada@example.com",
            "email_verified": True,
        }
        claims.update(overrides)
        for name in drop:
            claims.pop(name, None)
        code = f"code-{len(self.codes)}"
        self.codes[code] = {"claims": claims, "challenge": q["code_challenge"], "redirect": q["redirect_uri"]}
        return code


def _handler(p: Provider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            return None

        def _json(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/.well-known/openid-configuration":
                meta = {
                    "issuer": p.issuer,
                    "authorization_endpoint": f"{p.issuer}/authorize",
                    "token_endpoint": f"{p.issuer}/token",
                    "jwks_uri": f"{p.issuer}/jwks",
                }
                if p.end_session:
                    meta["end_session_endpoint"] = f"{p.issuer}/logout"
                self._json(200, meta)
            elif self.path == "/jwks":
                self._json(200, {"keys": [p.key.as_dict(private=False)]})
            else:
                self._json(404, {})

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            form = dict(urllib.parse.parse_qsl(body))
            p.token_requests.append({"form": form, "auth": self.headers.get("Authorization")})
            basic = base64.b64encode(f"{CLIENT_ID}:{SECRET}".encode()).decode()
            grant = p.codes.pop(form.get("code", ""), None)
            verifier = form.get("code_verifier", "")
            challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
            if self.headers.get("Authorization") != f"Basic {basic}":
                self._json(401, {"error": "invalid_client"})
            elif (
                grant is None
                or challenge.decode() != grant["challenge"]
                or form.get("redirect_uri") != grant["redirect"]
            ):
                self._json(400, {"error": "invalid_grant"})
            else:
                token = jwt.encode({"alg": "RS256", "kid": p.key.kid}, grant["claims"], p.key)
                p.id_tokens.append(token)
                self._json(200, {"access_token": "at", "token_type": "Bearer", "id_token": token})

    return Handler


@pytest.fixture()
def provider() -> Iterator[Provider]:
    p = Provider()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(p))
    p.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield p
    server.shutdown()
    server.server_close()


@pytest.fixture()
def app_client(provider: Provider, tmp_path: Path) -> TestClient:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    add_user(store, "ada", "reviewer", "a long enough password", email="Ada@Example.com")
    add_user(store, "root", "admin", "a long enough password")  # no email: never an OIDC login
    config = OidcConfig(provider.issuer, CLIENT_ID, SECRET)
    return TestClient(create_app(store, secret_key="k" * 32, oidc=config), follow_redirects=False)


def _start(c: TestClient) -> str:
    r = c.get("/login/oidc")
    assert r.status_code == 303
    location: str = r.headers["location"]
    return location


def _callback(c: TestClient, authorize_url: str, code: str, state: str | None = None) -> Any:
    q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize_url).query))
    return c.get("/login/oidc/callback", params={"code": code, "state": state or q["state"]})


def test_login_page_offers_oidc_and_the_request_carries_pkce_state_and_nonce(
    app_client: TestClient, provider: Provider
) -> None:
    assert 'href="/login/oidc"' in app_client.get("/login").text
    url = _start(app_client)
    assert url.startswith(f"{provider.issuer}/authorize?")
    q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
    assert q["code_challenge_method"] == "S256" and len(q["code_challenge"]) == 43
    assert q["client_id"] == CLIENT_ID and "openid" in q["scope"].split()
    assert len(q["state"]) >= 32 and len(q["nonce"]) >= 32
    assert SECRET not in url
    assert app_client.cookies.get("wasp_oidc_flow")


def test_good_login_starts_a_session_with_the_local_role(app_client: TestClient, provider: Provider) -> None:
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url))
    assert r.status_code == 303 and r.headers["location"] == "/"
    me = app_client.get("/api/me")
    assert me.status_code == 200
    assert me.json()["name"] == "ada" and me.json()["role"] == "reviewer"
    # the code went with the PKCE verifier and the secret in Basic auth, never in the form
    sent = provider.token_requests[-1]
    assert sent["form"]["code_verifier"] and "client_secret" not in sent["form"]


def test_wrong_state_is_refused_before_the_code_is_used(app_client: TestClient, provider: Provider) -> None:
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url), state="forged-state")
    assert r.status_code == 400 and "state mismatch" in r.text
    assert provider.token_requests == []
    assert app_client.get("/api/me").status_code == 401


def test_callback_without_a_started_flow_is_refused(app_client: TestClient, provider: Provider) -> None:
    url = _start(app_client)
    code = provider.grant(url)
    app_client.cookies.set("wasp_oidc_flow", "tampered")
    r = _callback(app_client, url, code)
    assert r.status_code == 400 and "start again" in r.text
    assert app_client.get("/api/me").status_code == 401


@pytest.mark.parametrize(
    ("overrides", "says"),
    [
        ({"nonce": "another-login"}, "nonce mismatch"),
        ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200}, "expired"),
        ({"aud": "another-app"}, "another application"),
        ({"iss": "https://evil.example"}, "another provider"),
        ({"email_verified": False}, "not verified"),
    ],
)
def test_bad_id_tokens_are_refused(
    app_client: TestClient, provider: Provider, overrides: dict[str, Any], says: str
) -> None:
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url, **overrides))
    assert r.status_code == 403 and says in r.text
    assert app_client.get("/api/me").status_code == 401


def test_rotated_keys_are_fetched_again_and_a_foreign_key_is_refused(
    app_client: TestClient, provider: Provider
) -> None:
    url = _start(app_client)
    assert _callback(app_client, url, provider.grant(url)).status_code == 303  # JWKS now cached
    provider.key = RSAKey.generate_key(2048, parameters={"kid": "k2"})
    url = _start(app_client)
    assert _callback(app_client, url, provider.grant(url)).status_code == 303
    cfg: OidcConfig = app_client.app.state.oidc  # type: ignore[attr-defined]
    foreign = RSAKey.generate_key(2048, parameters={"kid": "k2"})
    token = jwt.encode({"alg": "RS256", "kid": "k2"}, {"iss": provider.issuer, "nonce": "n"}, foreign)
    with pytest.raises(OidcError, match="signature"):
        cfg.validate(token, "n")


def test_unknown_user_is_refused_never_created(app_client: TestClient, provider: Provider) -> None:
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url, email="mallory@example.com"))
    assert r.status_code == 403
    assert "ask an admin to add you with --email" in r.text
    assert app_client.get("/api/me").status_code == 401


def test_refusal_never_echoes_the_claims(app_client: TestClient, provider: Provider) -> None:
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url, email="<script>x</script>@e"))
    assert r.status_code == 403 and "<script>x" not in r.text and "script&gt;" not in r.text


def test_a_name_chosen_at_the_provider_is_never_a_login(app_client: TestClient, provider: Provider) -> None:
    """Someone who sets preferred_username (or any claim) to an admin's name at the provider is not that admin."""
    for claims in (
        {"preferred_username": "root", "email": "mallory@example.com"},
        {"preferred_username": "root", "name": "root", "email": "root"},
    ):
        url = _start(app_client)
        r = _callback(app_client, url, provider.grant(url, sub="mallory", **claims))
        assert r.status_code == 403 and "ask an admin to add you with --email" in r.text
        assert app_client.get("/api/me").status_code == 401


@pytest.mark.parametrize(
    ("overrides", "drop"),
    [({"email_verified": False}, ()), ({}, ("email_verified",)), ({"email_verified": "no"}, ())],
)
def test_an_email_not_verified_does_not_bind(
    app_client: TestClient, provider: Provider, overrides: dict[str, Any], drop: tuple[str, ...]
) -> None:
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url, drop=drop, **overrides))
    assert r.status_code == 403 and "not verified" in r.text
    assert app_client.get("/api/me").status_code == 401
    assert not next(u for u in list_users(app_client.app.state.store) if u["name"] == "ada")["oidc"]  # type: ignore[attr-defined]


def test_an_email_must_match_exactly(app_client: TestClient, provider: Provider) -> None:
    for near in ("ada@example.com.evil", "ada+x@example.com", " ada@example.com", "ada@example.co"):
        url = _start(app_client)
        assert _callback(app_client, url, provider.grant(url, sub=f"s-{near}", email=near)).status_code == 403
    assert app_client.get("/api/me").status_code == 401


def test_the_first_login_binds_by_verified_email_then_the_subject_decides(
    app_client: TestClient, provider: Provider
) -> None:
    store = app_client.app.state.store  # type: ignore[attr-defined]
    url = _start(app_client)
    assert _callback(app_client, url, provider.grant(url, sub="ada-at-idp")).status_code == 303
    assert app_client.get("/api/me").json()["name"] == "ada"
    ada = next(u for u in list_users(store) if u["name"] == "ada")
    assert ada["oidc"] and ada["email"] == "ada@example.com"
    # the binding, not the email, is who you are from now on: a changed email still logs ada in ...
    app_client.cookies.clear()
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url, sub="ada-at-idp", email="ada@new.example"))
    assert r.status_code == 303 and app_client.get("/api/me").json()["name"] == "ada"
    # ... and another account at the provider showing ada's (verified) address is not ada
    app_client.cookies.clear()
    url = _start(app_client)
    r = _callback(app_client, url, provider.grant(url, sub="someone-else"))
    assert r.status_code == 403 and app_client.get("/api/me").status_code == 401


def test_the_callback_is_rate_limited_per_client_address(provider: Provider, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    add_user(store, "ada", "reviewer", "a long enough password", email="ada@example.com")
    config = OidcConfig(provider.issuer, CLIENT_ID, SECRET)
    app = create_app(store, secret_key="k" * 32, oidc=config, limiter=LoginLimiter(attempts=3))
    c = TestClient(app, follow_redirects=False, client=("203.0.113.7", 5000))
    url = _start(c)
    assert _callback(c, url, provider.grant(url), state="forged").status_code == 400  # state check
    url = _start(c)
    assert _callback(c, url, provider.grant(url, nonce="another")).status_code == 403  # token check
    url = _start(c)
    assert _callback(c, url, "not-a-code").status_code == 403  # the provider refuses the code
    requests = len(provider.token_requests)
    url = _start(c)
    r = _callback(c, url, provider.grant(url))  # a good login now waits
    assert r.status_code == 429 and "Too many" in r.text
    assert len(provider.token_requests) == requests  # refused before the code is used
    assert c.get("/api/me").status_code == 401
    other = TestClient(app, follow_redirects=False, client=("198.51.100.9", 5000))
    url = _start(other)
    assert _callback(other, url, provider.grant(url)).status_code == 303  # another address is not limited


def _logout(c: TestClient) -> Any:
    csrf = c.get("/api/me").json()["csrf"]
    return c.post("/logout", data={"csrf": csrf})


def test_logout_ends_the_session_at_the_provider_too(app_client: TestClient, provider: Provider) -> None:
    provider.end_session = True
    url = _start(app_client)
    assert _callback(app_client, url, provider.grant(url)).status_code == 303
    session_cookie = app_client.cookies["wasp_session"]
    assert (
        provider.id_tokens[-1] not in session_cookie and len(session_cookie) < 100
    )  # the token stays server-side
    r = _logout(app_client)
    assert r.status_code == 303
    target = urllib.parse.urlsplit(r.headers["location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == f"{provider.issuer}/logout"
    q = dict(urllib.parse.parse_qsl(target.query))
    assert q["id_token_hint"] == provider.id_tokens[-1]
    assert q["post_logout_redirect_uri"] == "http://testserver/login" and q["client_id"] == CLIENT_ID
    app_client.cookies.set("wasp_session", session_cookie)  # the wasp session is gone too
    assert app_client.get("/api/me").status_code == 401


def test_logout_is_local_without_an_end_session_endpoint(app_client: TestClient, provider: Provider) -> None:
    url = _start(app_client)
    assert _callback(app_client, url, provider.grant(url)).status_code == 303
    r = _logout(app_client)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert app_client.get("/api/me").status_code == 401


def test_a_password_session_logs_out_locally_even_with_an_endpoint(
    app_client: TestClient, provider: Provider
) -> None:
    provider.end_session = True
    login(app_client, "ada", "a long enough password")
    r = _logout(app_client)
    assert r.status_code == 303 and r.headers["location"] == "/login"


def test_without_oidc_the_routes_are_absent(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    c = TestClient(create_app(store, secret_key="k" * 32), follow_redirects=False)
    assert c.get("/login/oidc").status_code == 404
    assert 'href="/login/oidc"' not in c.get("/login").text


def test_config_refuses_plain_http_beyond_this_machine_and_hides_the_secret() -> None:
    from wasp.errors import InputError

    with pytest.raises(InputError, match="https"):
        OidcConfig("http://idp.example.com", CLIENT_ID, SECRET)
    assert SECRET not in repr(OidcConfig("https://idp.example.com", CLIENT_ID, SECRET))


def _wasp(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from wasp.cli.app import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


def test_cli_reads_the_secret_from_a_file_or_the_environment_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wasp.cli.serve_cmd import OIDC_SECRET_ENV, oidc_secret
    from wasp.errors import InputError

    f = tmp_path / "secret"
    f.write_text("from-file\n")
    monkeypatch.setenv(OIDC_SECRET_ENV, "from-env")
    assert oidc_secret(f) == "from-file"
    assert oidc_secret(None) == "from-env"
    monkeypatch.delenv(OIDC_SECRET_ENV)
    with pytest.raises(InputError, match=OIDC_SECRET_ENV):
        oidc_secret(None)
    (tmp_path / "empty").write_text("\n")
    with pytest.raises(InputError, match="empty"):
        oidc_secret(tmp_path / "empty")


def test_cli_refuses_half_an_oidc_setup_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WASP_OIDC_CLIENT_SECRET", raising=False)
    db = f"sqlite:///{tmp_path / 'w.db'}"
    code, err = _wasp(["serve", "--db", db, "--oidc-issuer", "https://idp.example.com"], capsys)
    assert code == 2 and "--oidc-client-id" in err and "Traceback" not in err
    code, err = _wasp(
        ["serve", "--db", db, "--oidc-issuer", "https://idp.example.com", "--oidc-client-id", "x"], capsys
    )
    assert code == 2 and "WASP_OIDC_CLIENT_SECRET" in err
    code, err = _wasp(
        ["serve", "--db", db, "--oidc-issuer", "http://idp.example.com", "--oidc-client-id", "x"], capsys
    )
    assert code == 2
    # no --oidc-client-secret option exists: a secret on the command line is refused by the parser
    code, err = _wasp(["serve", "--db", db, "--oidc-client-secret", "s"], capsys)
    assert code == 2 and "no such option" in err.lower()
