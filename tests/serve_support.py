"""Shared set-up for the `wasp serve` tests: a store holding a review and one user per role, and logins."""

from __future__ import annotations

import copy
import re
from typing import Any

from fastapi.testclient import TestClient

from wasp.serve.app import create_app
from wasp.serve.security import LoginLimiter
from wasp.serve.users import add_user
from wasp.store import Store, open_store

PASSWORD = "correct horse battery"
USERS = {
    "vera": ("viewer", ()),
    "stan": ("stakeholder", ("SEC10", "SEC11")),
    "rita": ("reviewer", ()),
    "ada": ("admin", ()),
}
EVIL = "<script>alert(1)</script>"


def hostile(doc: dict[str, Any]) -> dict[str, Any]:
    """The review with a bucket whose name is markup (resource names are attacker-controlled)."""
    doc = copy.deepcopy(doc)
    first = doc["findings"][0]
    first["resource"]["id"] = EVIL
    first["resource"]["arn"] = None
    first["message"] = f"bucket {EVIL} is public"
    return doc


def make_store(url: str, doc: dict[str, Any]) -> Store:
    """A store with the review saved and the four users."""
    store = open_store(url)
    store.save(doc)  # type: ignore[arg-type]
    for name, (role, questions) in USERS.items():
        add_user(store, name, role, PASSWORD, questions)
    return store


def client(store: Store, limiter: LoginLimiter | None = None) -> TestClient:
    """A client of a fresh app over the store."""
    return TestClient(create_app(store, secret_key="k" * 32, limiter=limiter), follow_redirects=False)


def login_token(c: TestClient) -> str:
    """The CSRF token of the login form (and its cookie, kept by the client)."""
    page = c.get("/login")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found
    return found.group(1)


def login(c: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log in; returns the session's CSRF token."""
    r = c.post("/login", data={"name": name, "password": password, "csrf": login_token(c)})
    assert r.status_code == 303, r.text
    me = c.get("/api/me")
    assert me.status_code == 200
    token: str = me.json()["csrf"]
    return token
