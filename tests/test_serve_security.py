"""`wasp serve` is secure by default: login, signed cookies, CSRF, headers, rate limiting, escaping, and each role
unable to do the next role's actions through pages, /api/ and guessed ids."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from serve_support import EVIL, PASSWORD, client, hostile, login, login_token, make_store
from wasp.serve.models import LoginFailureRow
from wasp.serve.security import COOKIE, LoginLimiter
from wasp.serve.users import add_user
from wasp.store import Store, open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, demo_doc: dict[str, Any]) -> Store:
    return make_store(str(tmp_path_factory.mktemp("serve") / "wasp.db"), hostile(demo_doc))


@pytest.fixture(scope="module")
def workload(demo_doc: dict[str, Any]) -> str:
    return str(demo_doc["workload"])


def _hybrid(doc: dict[str, Any], question: str) -> str:
    for q in doc["questions"]:
        if q["id"] == question:
            for bp in q["best_practices"]:
                if bp["evidence_mode"] in ("hybrid", "attested"):
                    return str(bp["id"])
    raise AssertionError(question)


PAGES = [
    "/",
    "/milestones",
    "/admin/users",
    "/api/workloads",
    "/api/reviews",
    "/api/reviews/1/findings",
    "/api/me",
]


@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_served_without_logging_in(store: Store, path: str) -> None:
    r = client(store).get(path)
    if path.startswith("/api/"):
        assert r.status_code == 401
    else:
        assert r.status_code == 303 and r.headers["location"] == "/login"


def test_openapi_schema_is_generated_and_needs_login(store: Store) -> None:
    c = client(store)
    assert c.get("/api/openapi.json").status_code == 401
    assert c.get("/docs").status_code == 404  # the Swagger page loads from a CDN: not served
    login(c, "vera")
    schema = c.get("/api/openapi.json").json()
    assert "/api/reviews/{review_id}/findings" in schema["paths"]
    assert not any(p.startswith("/w/") for p in schema["paths"])


def test_login_sets_a_signed_httponly_lax_cookie_and_logout_ends_the_session(store: Store) -> None:
    c = client(store)
    token = login_token(c)
    r = c.post("/login", data={"name": "vera", "password": PASSWORD, "csrf": token})
    cookie = r.headers["set-cookie"]
    assert f"{COOKIE}=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain HTTP in the test client; https sets Secure (next test)
    value = c.cookies[COOKIE]
    assert c.get("/").status_code == 200
    csrf = c.get("/api/me").json()["csrf"]
    assert c.post("/logout", data={"csrf": csrf}).status_code == 303
    c.cookies.set(COOKIE, value)  # a copied cookie is worthless after logout
    assert c.get("/api/me").status_code == 401


def test_cookie_is_secure_over_https(store: Store) -> None:
    from fastapi.testclient import TestClient

    from wasp.serve.app import create_app

    c = TestClient(
        create_app(store, secret_key="k" * 32), base_url="https://wasp.test", follow_redirects=False
    )
    token = login_token(c)
    r = c.post("/login", data={"name": "vera", "password": PASSWORD, "csrf": token})
    assert "Secure" in r.headers["set-cookie"]
    assert r.headers["strict-transport-security"].startswith("max-age=")


def test_a_forged_or_unsigned_cookie_is_refused(store: Store) -> None:
    c = client(store)
    c.cookies.set(COOKIE, "made-up-token")
    assert c.get("/api/me").status_code == 401
    other = client(store)
    login(other, "ada")
    stolen = other.cookies[COOKIE]
    from fastapi.testclient import TestClient

    from wasp.serve.app import create_app

    foreign = TestClient(create_app(store, secret_key="another key" * 3), follow_redirects=False)
    foreign.cookies.set(COOKIE, stolen)  # signed by another server's key
    assert foreign.get("/api/me").status_code == 401


def test_wrong_password_and_unknown_user_look_the_same(store: Store) -> None:
    c = client(store)
    a = c.post("/login", data={"name": "vera", "password": "wrong password!", "csrf": login_token(c)})
    b = c.post("/login", data={"name": "nobody", "password": "wrong password!", "csrf": login_token(c)})
    assert a.status_code == b.status_code == 401
    assert "Wrong user name or password" in a.text and "Wrong user name or password" in b.text


def test_login_without_the_forms_csrf_token_is_refused(store: Store) -> None:
    c = client(store)
    r = c.post("/login", data={"name": "vera", "password": PASSWORD, "csrf": "guess"})
    assert r.status_code == 400 and COOKIE not in c.cookies


@pytest.fixture()
def fresh(tmp_path: Path) -> Store:
    """A store of its own: failed logins are kept in the store, so limit tests must not share one."""
    store = open_store(str(tmp_path / "limits.db"))
    for name, role in (("rita", "reviewer"), ("ada", "admin")):
        add_user(store, name, role, PASSWORD)
    return store


def _fail(c: TestClient, name: str) -> int:
    r = c.post("/login", data={"name": name, "password": "not the password", "csrf": login_token(c)})
    return r.status_code


def test_login_is_rate_limited(fresh: Store) -> None:
    c = client(fresh, LoginLimiter(attempts=3, window=300, clock=lambda: 1000.0))
    for _ in range(3):
        assert _fail(c, "rita") == 401
    r = c.post("/login", data={"name": "rita", "password": PASSWORD, "csrf": login_token(c)})
    assert r.status_code == 429 and COOKIE not in c.cookies  # even the right password waits


def test_the_limit_lifts_after_its_window(fresh: Store) -> None:
    now = [0.0]
    c = client(fresh, LoginLimiter(attempts=2, window=60, clock=lambda: now[0]))
    for _ in range(2):
        _fail(c, "ada")
    assert (
        c.post("/login", data={"name": "ada", "password": PASSWORD, "csrf": login_token(c)}).status_code
        == 429
    )
    now[0] = 61.0
    r = c.post("/login", data={"name": "ada", "password": PASSWORD, "csrf": login_token(c)})
    assert r.status_code == 303


def test_two_servers_on_one_store_share_the_limit(tmp_path: Path) -> None:
    """Workers or hosts behind a proxy are separate apps (here each with its own engine) on one store."""
    url = str(tmp_path / "shared.db")
    add_user(open_store(url), "rita", "reviewer", PASSWORD)
    one, two = client(open_store(url)), client(open_store(url))  # default limiters: 5 per 5 minutes
    for c in (one, two, one, two, one):
        assert _fail(c, "rita") == 401
    for c in (one, two):
        r = c.post("/login", data={"name": "rita", "password": PASSWORD, "csrf": login_token(c)})
        assert r.status_code == 429 and COOKIE not in c.cookies
    # per client address too: another name from the same address is limited on either server
    assert _fail(two, "ada") == 429
    elsewhere = TestClient(one.app, follow_redirects=False, client=("192.0.2.1", 1))
    assert _fail(elsewhere, "ada") == 401  # another address, another name: not limited


def test_a_good_login_clears_the_name_not_the_address(fresh: Store) -> None:
    limiter = LoginLimiter(attempts=3, window=300, clock=lambda: 1000.0)
    c = client(fresh, limiter)
    _fail(c, "rita")
    _fail(c, "rita")
    login(c, "rita")
    assert not limiter.blocked("name:rita") and limiter.blocked("addr:testclient") is False
    again = TestClient(c.app, follow_redirects=False)  # the same address, logged out
    assert _fail(again, "ada") == 401  # the address's third failure: now blocked
    assert limiter.blocked("addr:testclient") and not limiter.blocked("name:rita")


def test_security_headers_on_every_response(store: Store) -> None:
    c = client(store)
    for r in (c.get("/login"), c.get("/static/wasp.css"), c.get("/api/me")):
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style_and_no_cdn(store: Store, workload: str) -> None:
    c = client(store)
    login(c, "ada")
    for path in (
        "/login",
        "/",
        f"/w/{workload}/q/SEC10",
        f"/w/{workload}/plan",
        "/milestones",
        "/admin/users",
    ):
        html = c.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)  # only the package's own file
        assert " style=" not in html and "<style" not in html and " on" + "click=" not in html
        # the only other origin is in plain guidance links (navigation, nothing loaded from there)
        html = re.sub(
            r'<a class="guidance" href="https://docs\.aws\.amazon\.com/wellarchitected/latest/security-pillar/'
            r'sec_[a-z0-9_]+\.html" rel="noopener noreferrer">',
            "<a>",
            html,
        )
        assert "http://" not in html and "https://" not in html


def test_resource_names_render_as_text(store: Store, workload: str, demo_doc: dict[str, Any]) -> None:
    c = client(store)
    login(c, "vera")
    first = demo_doc["findings"][0]
    rules = first["rule"]
    question = next(
        q["id"] for q in demo_doc["questions"] for bp in q["best_practices"] if rules in bp.get("rules", [])
    )
    html = c.get(f"/w/{workload}/q/{question}", params={"status": first["status"]}).text
    page = 1
    while "&lt;script&gt;alert(1)&lt;/script&gt;" not in html:
        page += 1
        html = c.get(f"/w/{workload}/q/{question}", params={"status": first["status"], "page": page}).text
        assert "No findings match" not in html, "the hostile finding should be listed"
    assert EVIL not in html


def test_forms_without_the_csrf_token_are_refused(
    store: Store, workload: str, demo_doc: dict[str, Any]
) -> None:
    c = client(store)
    csrf = login(c, "rita")
    r = c.post("/milestones", data={"workload": workload, "name": "no-token"})
    assert r.status_code == 403
    r = c.post("/milestones", data={"workload": workload, "name": "bad-token", "csrf": "x" + csrf})
    assert r.status_code == 403
    r = c.post("/api/milestones", json={"workload": workload, "name": "api-no-token"})
    assert r.status_code == 403
    names = [m["name"] for m in c.get("/api/milestones").json()]
    assert not {"no-token", "bad-token", "api-no-token"} & set(names)


# Each role, and what the role just above it may do that it may not.
def _denied(
    store: Store, workload: str, demo_doc: dict[str, Any]
) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    sec10 = _hybrid(demo_doc, "SEC10")
    sec01 = _hybrid(demo_doc, "SEC01")
    plan_bp = demo_doc["improvement_plan"][0]["best_practice"]
    answer = {"answer": "no"}
    return {
        "vera": [
            ("api", f"/api/workloads/{workload}/practices/{sec10}/answer", answer),
            ("form", f"/w/{workload}/bp/{sec10}/answer", answer),
        ],
        "stan": [
            ("api", f"/api/workloads/{workload}/practices/{sec01}/answer", answer),  # not assigned
            ("form", f"/w/{workload}/bp/{sec01}/answer", answer),
            ("api", f"/api/workloads/{workload}/plan/{plan_bp}", {"owner": "x", "status": "done"}),
            ("form", f"/w/{workload}/plan/{plan_bp}", {"owner": "x", "status": "done"}),
            ("api", "/api/milestones", {"workload": workload, "name": "by-stan"}),
            ("form", "/milestones", {"workload": workload, "name": "by-stan"}),
            ("form", f"/w/{workload}/redecide", {}),
        ],
        "rita": [
            ("api", "/api/users", {"name": "mallory", "role": "admin", "password": "p" * 20}),
            ("form", "/admin/users", {"name": "mallory", "role": "admin", "password": "p" * 20}),
        ],
    }


@pytest.mark.parametrize("name", ["vera", "stan", "rita"])
def test_each_role_cannot_do_the_next_roles_actions(
    store: Store, workload: str, demo_doc: dict[str, Any], name: str
) -> None:
    c = client(store)
    csrf = login(c, name)
    before_reviews = len(c.get("/api/reviews").json())
    for kind, path, body in _denied(store, workload, demo_doc)[name]:
        if kind == "api":
            r = c.post(path, json=body, headers={"X-CSRF-Token": csrf})
        else:
            r = c.post(path, data={**body, "csrf": csrf})
        assert r.status_code == 403, (name, path, r.status_code, r.text[:200])
    assert c.get("/api/users").status_code == 403
    assert c.get("/admin/users").status_code == 403
    assert len(c.get("/api/reviews").json()) == before_reviews
    assert "by-stan" not in [m["name"] for m in c.get("/api/milestones").json()]
    admin = client(store)
    login(admin, "ada")
    assert "mallory" not in [u["name"] for u in admin.get("/api/users").json()]


def test_stakeholder_answers_only_assigned_questions(
    store: Store, workload: str, demo_doc: dict[str, Any]
) -> None:
    c = client(store)
    csrf = login(c, "stan")
    sec10 = _hybrid(demo_doc, "SEC10")
    r = c.post(
        f"/api/workloads/{workload}/practices/{sec10}/answer",
        json={"answer": "partial", "evidence": ["runbook v2"]},
        headers={"X-CSRF-Token": csrf},
    )
    assert r.status_code == 200 and r.json()["by"] == "stan"
    page = c.get(f"/w/{workload}/q/SEC10").text
    assert "Save answer" in page
    assert "Save answer" not in c.get(f"/w/{workload}/q/SEC01").text


def test_guessed_ids_are_404_not_errors_or_data(store: Store, workload: str) -> None:
    c = client(store)
    login(c, "vera")
    assert c.get("/api/reviews/999999").status_code == 404
    assert c.get("/api/reviews/999999/findings").status_code == 404
    assert c.get("/uploads/999999").status_code == 404
    assert c.get("/w/no-such-workload/q/SEC01").status_code == 404
    assert c.get(f"/w/{workload}/q/SEC01", params={"review": 999999}).status_code == 404
    assert c.get("/api/diff", params={"a": 1, "b": 999999}).status_code == 404
    assert c.get("/api/reviews/1/findings", params={"per_page": 100000}).status_code == 422


def test_admin_adds_a_user_through_the_page(store: Store) -> None:
    c = client(store)
    csrf = login(c, "ada")
    r = c.post(
        "/admin/users",
        data={
            "name": "dora",
            "role": "stakeholder",
            "questions": "SEC04",
            "password": PASSWORD,
            "csrf": csrf,
        },
    )
    assert r.status_code == 303
    other = client(store)
    login(other, "dora")
    assert other.get("/api/me").json() == {
        "name": "dora",
        "role": "stakeholder",
        "questions": ["SEC04"],
        "csrf": other.get("/api/me").json()["csrf"],
    }
    weak = c.post("/admin/users", data={"name": "weak", "role": "viewer", "password": "short", "csrf": csrf})
    assert weak.status_code == 400 and "too short" in weak.text


def test_uploads_are_limited_by_size_and_checked_by_content(
    store: Store, workload: str, demo_doc: dict[str, Any], tmp_path: Path
) -> None:
    c = client(store)
    csrf = login(c, "rita")
    bp = _hybrid(demo_doc, "SEC10")
    url = f"/w/{workload}/bp/{bp}/answer"
    fake = c.post(
        url,
        data={"answer": "yes", "csrf": csrf},
        files={"file": ("x.pdf", b"<html>not a pdf", "application/pdf")},
    )
    assert fake.status_code == 400 and "not application/pdf" in fake.text
    html = c.post(
        url, data={"answer": "yes", "csrf": csrf}, files={"file": ("x.html", b"<script>", "text/html")}
    )
    assert html.status_code == 400 and "not accepted" in html.text
    big = c.post(
        url,
        data={"answer": "yes", "csrf": csrf},
        files={"file": ("x.txt", b"a" * (5 * 1024 * 1024 + 1), "text/plain")},
    )
    assert big.status_code == 400 and "larger than" in big.text
    ok = c.post(
        url,
        data={"answer": "yes", "csrf": csrf},
        files={"file": ("plan.pdf", b"%PDF-1.7 test", "application/pdf")},
    )
    assert ok.status_code == 303
    current = c.get(f"/api/workloads/{workload}/answers").json()[bp]
    got = c.get(f"/uploads/{current['upload']}")
    assert got.content == b"%PDF-1.7 test"
    assert got.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in got.headers["content-security-policy"]


def test_the_limiter_forgets_aged_out_failures(fresh: Store) -> None:
    now = [0.0]
    limiter = LoginLimiter(attempts=2, window=10, clock=lambda: now[0], store=fresh)
    limiter.failed("name:a", "addr:x")
    limiter.failed("name:b", "addr:x")
    assert limiter.blocked("addr:x") and not limiter.blocked("name:a")
    now[0] = 11.0
    limiter.failed("name:c", "addr:y")  # each failure prunes what has aged out
    with Session(fresh.engine) as session:
        keys = sorted(session.scalars(select(LoginFailureRow.key)))
    assert keys == ["addr:y", "name:c"] and not limiter.blocked("addr:x")


def test_an_unbound_limiter_says_so() -> None:
    with pytest.raises(RuntimeError, match="bind"):
        LoginLimiter().blocked("name:a")
