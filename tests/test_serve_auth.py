"""A removed, disabled or demoted user's sessions change at once (every request reads the user's row), and the
`wasp users` commands that do it: add with --email, role, remove."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from serve_support import PASSWORD, client, login
from wasp.serve import users
from wasp.serve.models import SessionRow
from wasp.store import Store, open_store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "wasp.db"))
    for name, role in (("ada", "admin"), ("rita", "reviewer"), ("vera", "viewer")):
        users.add_user(s, name, role, PASSWORD)
    return s


def _wasp(args: list[str], capsys: pytest.CaptureFixture[str], stdin: str = "") -> tuple[int, str]:
    from wasp.cli.app import main

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sys.stdin", io.StringIO(stdin))
        with pytest.raises(SystemExit) as exit_info:
            main(args)
    code = exit_info.value.code
    captured = capsys.readouterr()
    return (code if isinstance(code, int) else 1), captured.out + captured.err


def test_a_demoted_admin_loses_the_admin_pages_at_once(store: Store) -> None:
    c = client(store)
    login(c, "ada")
    assert c.get("/admin/users").status_code == 200
    users.set_role(store, "ada", "viewer")
    assert c.get("/api/me").json()["role"] == "viewer"
    assert c.get("/admin/users").status_code == 403
    assert c.get("/api/users").status_code == 403


def test_a_removed_user_is_logged_out_at_once(store: Store) -> None:
    c = client(store)
    login(c, "vera")
    users.remove_user(store, "vera")
    assert c.get("/api/me").status_code == 401
    assert c.get("/").status_code == 303
    with Session(store.engine) as session:
        assert session.scalar(select(func.count()).select_from(SessionRow)) == 0


def test_a_disabled_user_is_logged_out_at_once(store: Store) -> None:
    c = client(store)
    login(c, "rita")
    with store.writer.begin() as conn:
        conn.execute(text("UPDATE users SET disabled = :yes WHERE name = 'rita'"), {"yes": True})
    assert c.get("/api/me").status_code == 401


def test_the_cli_adds_with_email_changes_roles_and_removes(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store.url
    code, out = _wasp(
        [
            "users",
            "add",
            "dora",
            "--role",
            "viewer",
            "--email",
            "Dora@Example.com",
            "--password-stdin",
            "--db",
            db,
        ],
        capsys,
        stdin=PASSWORD + "\n",
    )
    assert code == 0 and "dora added" in out
    code, out = _wasp(["users", "list", "--db", db], capsys)
    assert "dora\tviewer\t\tdora@example.com" in out
    code, out = _wasp(
        [
            "users",
            "add",
            "dot",
            "--role",
            "viewer",
            "--email",
            "dora@example.com",
            "--password-stdin",
            "--db",
            db,
        ],
        capsys,
        stdin=PASSWORD + "\n",
    )
    assert code == 2 and "already has the email dora@example.com" in out and "Traceback" not in out
    code, out = _wasp(
        ["users", "add", "x", "--role", "viewer", "--email", "not-an-address", "--db", db], capsys
    )
    assert code == 2 and "not an email address" in out
    c = client(store)
    login(c, "rita")
    code, out = _wasp(
        ["users", "role", "rita", "--role", "stakeholder", "--questions", "SEC04", "--db", db], capsys
    )
    assert code == 0 and "rita is now stakeholder for SEC04" in out
    assert c.get("/api/me").json()["questions"] == ["SEC04"]
    code, out = _wasp(["users", "remove", "rita", "--db", db], capsys)
    assert code == 0 and c.get("/api/me").status_code == 401
    code, out = _wasp(["users", "remove", "rita", "--db", db], capsys)
    assert code == 2 and "no user 'rita'" in out


def test_the_old_claim_option_is_refused_in_one_line(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _wasp(["serve", "--db", store.url, "--oidc-user-claim", "preferred_username"], capsys)
    assert code == 2 and "--email" in out and "Traceback" not in out


def test_users_list_prints_no_terminal_escapes_even_for_rows_stored_before_the_checks(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    # a row written before emails were checked (or straight into the database) holds an escape sequence
    with store.writer.begin() as conn:
        conn.execute(
            text("UPDATE users SET email = :e WHERE name = 'rita'"), {"e": "r@x.io\x1b]0;pwned\x07\tz"}
        )
    code, out = _wasp(["users", "list", "--db", store.url], capsys)
    line = next(ln for ln in out.splitlines() if ln.startswith("rita\t"))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert len(line.split("\t")) == 4  # a tab inside a field cannot shift the columns


def test_the_api_adds_a_user_with_an_email_and_refuses_a_bad_or_unknown_field(store: Store) -> None:
    c = client(store)
    csrf = login(c, "ada")
    post = {"name": "olga", "role": "viewer", "password": PASSWORD, "email": "Olga@Example.com"}
    made = c.post("/api/users", json=post, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 200 and made.json()["email"] == "olga@example.com"
    assert {"name": "olga", "email": "olga@example.com"}.items() <= next(
        u for u in c.get("/api/users").json() if u["name"] == "olga"
    ).items()
    bad = {
        **post,
        "name": "oleg",
        "email": "oleg@ex\u212aample.com",
    }  # a look-alike that case folding makes ASCII
    assert c.post("/api/users", json=bad, headers={"X-CSRF-Token": csrf}).status_code == 400
    extra = {**post, "name": "omar", "email": None, "mail": "typo@example.com"}  # refused, never dropped
    assert c.post("/api/users", json=extra, headers={"X-CSRF-Token": csrf}).status_code == 422
    assert {u["name"] for u in c.get("/api/users").json()}.isdisjoint({"oleg", "omar"})
