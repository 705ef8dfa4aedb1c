"""An adversary against today's `wasp serve` changes (users' email, the login limit in the store, the review
outline and the finding evidence rows): what must hold, and what broke and was fixed."""

from __future__ import annotations

import copy
import gzip
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from serve_support import PASSWORD, client, login, login_token, make_store
from wasp.errors import InputError
from wasp.serve.data import Reviews
from wasp.serve.models import LoginFailureRow
from wasp.serve.security import COOKIE, LoginLimiter
from wasp.serve.users import add_user, list_users, parse_email
from wasp.store import Store, open_store
from wasp.store.db import StoreError
from wasp.store.models import FindingEvidenceRow, FindingRow, ReviewRow
from wasp.store.outline import pack

XSS_EMAIL = "<img/src=x/onerror=alert(1)>@evil.example"


@pytest.fixture()
def store(tmp_path: Path, demo_doc: dict[str, Any]) -> Store:
    return make_store(str(tmp_path / "wasp.db"), demo_doc)


# --- the email field ---------------------------------------------------------------------------------------------


def test_an_email_with_markup_renders_as_text_on_the_users_page(store: Store) -> None:
    add_user(store, "mal", "viewer", PASSWORD, email=XSS_EMAIL)
    c = client(store)
    login(c, "ada")
    html = c.get("/admin/users").text
    assert "<img/src=x" not in html and "&lt;img/src=x/onerror=alert(1)&gt;@evil.example" in html
    assert c.get("/api/users").json()[-1]["email"] == XSS_EMAIL.lower()  # JSON: data, not markup


@pytest.mark.parametrize("bad", ["ada\x1b[2J@example.com", "ada\x00@example.com", "ada@exa\x7fmple.com"])
def test_an_email_with_control_characters_is_refused(store: Store, bad: str) -> None:
    """`wasp users list` prints emails to a terminal: an escape sequence there would rewrite the admin's screen."""
    with pytest.raises(InputError, match="not an email address"):
        parse_email(bad)
    with pytest.raises(InputError):
        add_user(store, "mal", "viewer", PASSWORD, email=bad)


def test_an_overlong_email_from_the_form_is_refused_not_cut(store: Store) -> None:
    """A 340-character address must not be stored as its first 320 characters (which may be a valid address)."""
    long = "a" * 64 + "@" + "b" * 275
    c = client(store)
    csrf = login(c, "ada")
    form = {"csrf": csrf, "name": "longmail", "role": "viewer", "password": PASSWORD, "email": long}
    r = c.post("/admin/users", data=form)
    assert r.status_code == 400 and "not an email address" in r.text
    assert all(u["name"] != "longmail" for u in list_users(store))


def test_sql_in_the_email_is_data(store: Store) -> None:
    evil = "x'OR'1'='1@evil.example"
    add_user(store, "mal", "viewer", PASSWORD, email=evil)
    assert [u["email"] for u in list_users(store) if u["name"] == "mal"] == [evil.lower()]
    assert len(list_users(store)) == 5  # nothing else changed or leaked


# --- the login limit ---------------------------------------------------------------------------------------------


def _fail(c: TestClient, name: str, **headers: str) -> int:
    r = c.post(
        "/login",
        data={"name": name, "password": "not the password", "csrf": login_token(c)},
        headers=headers,
    )
    return int(r.status_code)


def test_x_forwarded_for_does_not_move_the_limit_without_a_trusted_proxy(store: Store) -> None:
    c = client(store, LoginLimiter(attempts=3, window=300, clock=lambda: 1000.0))
    for i in range(3):
        assert (
            _fail(c, f"guess{i}", **{"X-Forwarded-For": f"198.51.100.{i}", "X-Real-IP": f"10.0.0.{i}"}) == 401
        )
    assert _fail(c, "guess9", **{"X-Forwarded-For": "203.0.113.99"}) == 429  # still the same address


@pytest.mark.parametrize("variant", ["RITA", " rita ", "Rita", "rItA\t"])
def test_case_and_whitespace_variants_of_a_name_share_its_limit(store: Store, variant: str) -> None:
    limiter = LoginLimiter(attempts=3, window=300, clock=lambda: 1000.0)
    for i, host in enumerate(("192.0.2.1", "192.0.2.2", "192.0.2.3")):  # spread over addresses
        c = TestClient(client(store, limiter).app, follow_redirects=False, client=(host, 1))
        assert _fail(c, "rita" if i else variant) == 401
    elsewhere = TestClient(client(store, limiter).app, follow_redirects=False, client=("192.0.2.9", 1))
    r = elsewhere.post("/login", data={"name": variant, "password": PASSWORD, "csrf": login_token(elsewhere)})
    assert r.status_code == 429
    r = elsewhere.post("/login", data={"name": "rita", "password": PASSWORD, "csrf": login_token(elsewhere)})
    assert r.status_code == 429 and COOKIE not in elsewhere.cookies


def test_a_flood_of_made_up_names_from_one_address_stays_small(store: Store) -> None:
    now = [1000.0]
    c = client(store, LoginLimiter(attempts=5, window=300, clock=lambda: now[0]))
    codes = [_fail(c, f"made-up-{i}-" + "x" * 80) for i in range(40)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
    with Session(store.engine) as session:
        assert session.scalar(select(func.count()).select_from(LoginFailureRow)) == 10  # 5 names + 5 address
    now[0] += 301  # the next window: the old rows go with the next failure
    assert _fail(c, "another") == 401
    with Session(store.engine) as session:
        assert session.scalar(select(func.count()).select_from(LoginFailureRow)) == 2


# --- the outline and the evidence rows ----------------------------------------------------------------------------


def _finding(store: Store, review: int) -> str:
    with Session(store.engine) as session:
        found = session.scalar(select(FindingRow.finding_id).where(FindingRow.review_id == review).limit(1))
    assert found
    return found


def test_a_finding_id_of_another_review_is_not_found(store: Store, demo_doc: dict[str, Any]) -> None:
    other = copy.deepcopy(demo_doc)
    other["workload"] = "secret-team"
    for f in other["findings"]:
        f["id"] = "other-" + f["id"]
    rid = store.save(other).id  # type: ignore[arg-type]
    theirs = _finding(store, rid)
    c = client(store)
    login(c, "stan")  # a stakeholder of SEC10/SEC11 only
    assert c.get(f"/reviews/1/findings/{theirs}").status_code == 404
    assert c.get(f"/api/reviews/1/findings/{theirs}").status_code == 404
    assert c.get(f"/api/reviews/1/findings/{theirs}' OR '1'='1").status_code == 404


def test_evidence_shown_is_the_redacted_evidence(
    store: Store, tmp_path: Path, demo_doc: dict[str, Any]
) -> None:
    """The rows come from the saved document, which the engine redacted: a secret the engine would redact is
    never in a row (checked here through the engine's own redaction of a finding's evidence)."""
    from wasp.model.redact import REDACTED, redact

    doc = copy.deepcopy(demo_doc)
    secret = "AKIAIOSFODNN7EXAMPLE"
    doc["findings"][0]["evidence"] = redact(
        {"Environment.Variables": {"DB_PASSWORD": "hunter2hunter2", "K": secret}}
    )
    rid = store.save(doc).id  # type: ignore[arg-type]
    c = client(store)
    login(c, "vera")
    r = c.get(f"/reviews/{rid}/findings/{doc['findings'][0]['id']}")
    assert r.status_code == 200 and REDACTED in r.text
    assert "hunter2hunter2" not in r.text and secret not in r.text
    with Session(store.engine) as session:
        rows = session.scalars(select(FindingEvidenceRow.evidence)).all()
    assert not any("hunter2hunter2" in e or secret in e for e in rows)


def test_deleting_a_review_a_milestone_points_to_is_refused(store: Store, demo_doc: dict[str, Any]) -> None:
    """Otherwise the milestone dangles, and (SQLite reuses the id) names the next review, of any workload."""
    store.create_milestone("baseline", "1")
    with pytest.raises(StoreError, match="milestone"):
        store.delete_review(1)
    other = copy.deepcopy(demo_doc)
    other["workload"] = "someone-else"
    assert store.save(other).id == 2  # type: ignore[arg-type]
    assert [m["review"] for m in store.milestones()] == [1]
    assert store.load("baseline")["workload"] == demo_doc["workload"]


def _damage_outline(store: Store, blob: bytes) -> None:
    with Session(store.writer) as session, session.begin():
        session.execute(update(ReviewRow).where(ReviewRow.id == 1).values(outline=blob))


DAMAGED = [
    b"not gzip at all",
    gzip.compress(b"{not json"),
    pack([1, 2, 3]),
    pack({"review": [], "rules": [], "facets": {}, "failing": []}),
    pack({"review": {"workload": "w"}, "rules": [], "facets": {}, "failing": []}),
    pack({"rules": [], "facets": {}, "failing": []}),
]


@pytest.mark.parametrize("blob", DAMAGED, ids=range(len(DAMAGED)))
def test_a_damaged_outline_is_a_clear_error_page_not_a_traceback(
    store: Store, demo_doc: dict[str, Any], blob: bytes
) -> None:
    _damage_outline(store, blob)
    c = TestClient(client(store).app, follow_redirects=False, raise_server_exceptions=False)
    login(c, "vera")
    workload = demo_doc["workload"]
    fid = _finding(store, 1)
    for path in ("/", f"/w/{workload}/q/SEC01", f"/w/{workload}/plan", f"/reviews/1/findings/{fid}"):
        r = c.get(path)
        assert r.status_code == 409, (path, r.status_code)
        assert "damaged" in r.text and "Traceback" not in r.text
    r = c.get("/api/reviews/1")
    assert r.status_code == 409 and "damaged" in r.json()["detail"]


def test_a_wrong_typed_outline_inside_the_review_is_refused(store: Store, demo_doc: dict[str, Any]) -> None:
    outline_doc = {k: v for k, v in demo_doc.items() if k != "findings"}
    outline_doc["questions"] = {"SEC01": "not a list"}
    _damage_outline(store, pack({"review": outline_doc, "rules": [], "facets": {}, "failing": []}))
    c = TestClient(client(store).app, follow_redirects=False, raise_server_exceptions=False)
    login(c, "vera")
    r = c.get(f"/w/{demo_doc['workload']}/q/SEC01")
    assert r.status_code == 409 and "damaged" in r.text


@pytest.mark.parametrize("evidence", ["{not json", "[1, 2]", '"a string"'])
def test_damaged_evidence_is_a_clear_error(store: Store, evidence: str) -> None:
    with Session(store.writer) as session, session.begin():
        session.execute(text("UPDATE finding_evidence SET evidence = :e"), {"e": evidence})
    fid = _finding(store, 1)
    c = TestClient(client(store).app, follow_redirects=False, raise_server_exceptions=False)
    login(c, "vera")
    r = c.get(f"/reviews/1/findings/{fid}")
    assert r.status_code == 409 and "damaged" in r.text
    assert c.get(f"/api/reviews/1/findings/{fid}").status_code == 409


def test_an_outline_without_a_question_is_damaged_not_a_traceback_through_the_api(
    store: Store, demo_doc: dict[str, Any]
) -> None:
    outline_doc = {k: v for k, v in demo_doc.items() if k != "findings"}
    outline_doc["questions"] = [q for q in outline_doc["questions"] if q["id"] != "SEC05"]
    _damage_outline(store, pack({"review": outline_doc, "rules": [], "facets": {}, "failing": []}))
    c = TestClient(client(store).app, follow_redirects=False, raise_server_exceptions=False)
    login(c, "vera")
    r = c.get("/api/reviews/1/findings", params={"question": "SEC05"})
    assert r.status_code == 409 and "damaged" in r.json()["detail"]


@pytest.mark.parametrize(
    "document",
    [pack([1, 2, 3]), pack("a string"), pack({"schema": "wasp.review/2", "findings": 5})],
    ids=["list", "string", "findings-not-a-list"],
)
def test_upgrading_a_store_with_a_wrong_typed_document_still_opens(
    tmp_path: Path, demo_doc: dict[str, Any], document: bytes
) -> None:
    """Migration 0005 reads every stored document: one of the wrong JSON type must not stop the store opening
    (a traceback, and no `wasp` command could use the store); that review alone says it is damaged."""
    from test_serve_fast import _migrate

    db = str(tmp_path / "wasp.db")
    store = open_store(db)
    store.save(demo_doc)  # type: ignore[arg-type]
    store.save(demo_doc)  # type: ignore[arg-type]
    _migrate(db, "downgrade", "0004")
    with Session(store.writer) as session, session.begin():
        session.execute(update(ReviewRow).where(ReviewRow.id == 1).values(document=document))
    upgraded = open_store(db)
    server = Reviews(upgraded)
    assert server.slim(2).doc["workload"] == demo_doc["workload"]  # the good review was backfilled
    with pytest.raises(StoreError, match=r"damaged|does not match|not a wasp review"):
        server.slim(1)


def test_a_name_differing_only_in_case_is_refused(store: Store) -> None:
    """A user "Rita" would share rita's login-limit key (names are counted lower-cased): logging in as Rita would clear
    rita's failures, so guesses at rita's password could go on from many addresses; and "Rita" passes for rita
    in every answer's history."""
    with pytest.raises(StoreError, match="already exists"):
        add_user(store, "Rita", "viewer", PASSWORD)
    c = client(store)
    csrf = login(c, "ada")
    form = {"csrf": csrf, "name": "RITA", "role": "viewer", "password": PASSWORD}
    assert c.post("/admin/users", data=form).status_code == 409
    assert [u["name"] for u in list_users(store)].count("rita") == 1
    assert len(list_users(store)) == 4
