"""The store against SQLite and a real PostgreSQL: saves whole reviews, milestones, history, diff, errors."""

from __future__ import annotations

import copy
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from pgcluster import clean, cluster
from wasp.cli.app import main
from wasp.store import StoreError, open_store
from wasp.store.models import ReviewRow


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str | None]:
    with cluster() as url:
        if url is None and os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL (see .ci/run)")
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, pg_url: str | None) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "wasp.db")
    if pg_url is None:
        pytest.skip("PostgreSQL is not installed here")
    return clean(pg_url)  # a clean schema per test


def test_round_trip_and_milestones(db_url: str, demo_doc: dict[str, Any]) -> None:
    store = open_store(db_url)
    saved = store.save(demo_doc)
    assert store.load(str(saved.id)) == demo_doc
    assert store.load("latest") == demo_doc
    store.create_milestone("baseline", str(saved.id))
    assert store.load("baseline")["generated_at"] == demo_doc["generated_at"]
    with pytest.raises(StoreError, match="already exists"):
        store.create_milestone("baseline")
    with pytest.raises(StoreError, match="no review or milestone 'nope'"):
        store.load("nope")
    [m] = store.milestones()
    assert m["name"] == "baseline" and m["high_risk_questions"] == demo_doc["summary"]["high_risk_questions"]


def test_two_reviews_saved_at_once_both_land(db_url: str, demo_doc: dict[str, Any]) -> None:
    store = open_store(db_url)
    open_store(db_url)  # migrated once; a second open is a no-op
    ids: list[int] = []
    errors: list[BaseException] = []

    def save() -> None:
        try:
            ids.append(open_store(db_url).save(demo_doc).id)
        except BaseException as exc:  # noqa: BLE001 -- collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=save) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(ids)) == 2
    assert len(store.reviews()) == 2


def test_an_interrupted_save_leaves_nothing_half_written(db_url: str, demo_doc: dict[str, Any]) -> None:
    store = open_store(db_url)
    store.save(demo_doc)
    broken = copy.deepcopy(demo_doc)
    broken["findings"][0]["status"] = None  # violates NOT NULL in the findings insert, after the review row
    with pytest.raises(Exception):  # noqa: B017 -- the database's own integrity error, whichever the backend
        store.save(broken)
    assert len(store.reviews()) == 1


def test_a_schema_from_a_newer_wasp_is_refused(db_url: str) -> None:
    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer wasp"):
        open_store(db_url)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://wasp@127.0.0.1:1/none", "cannot open the database"),
        ("notadb://x/y", "not a usable database URL"),
        ("postgresql://user:secret@127.0.0.1:1/none", r"\*\*\*@127.0.0.1"),
    ],
)
def test_bad_databases_are_one_line(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as exc:
        open_store(url)
    assert "secret" not in str(exc.value) and "\n" not in str(exc.value)


def test_cli_history_milestones_show_and_diff(
    db_url: str, demo_doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(db_url)
    store.save(demo_doc)
    better = copy.deepcopy(demo_doc)
    better["generated_at"] = "2027-01-01T00:00:00+00:00"
    better["questions"][0]["risk"] = "medium"
    store.save(better)

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exc:
            main([*args, "--db", db_url])
        captured = capsys.readouterr()
        assert exc.value.code == 0, captured.err
        return captured.out + captured.err

    assert "milestone baseline" in run("milestone", "create", "baseline", "--review", "1")
    assert "baseline" in run("milestones")
    png = tmp_path / "history.png"
    assert "History" in run("history", "--png", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "question SEC01: high -> medium (better)" in run("diff", "baseline", "latest")
    assert "high-risk" in run("show", "latest")
    out = tmp_path / "r.json"
    run("show", "baseline", "-o", str(out))
    assert json.loads(out.read_text())["generated_at"] == demo_doc["generated_at"]


def test_review_document_is_compressed_and_secret_free(db_url: str, demo_doc: dict[str, Any]) -> None:
    from sqlalchemy.orm import Session

    store = open_store(db_url)
    store.save(demo_doc)
    with Session(store.engine) as session:
        row = session.query(ReviewRow).one()
        assert row.document[:2] == b"\x1f\x8b" and len(row.document) < len(json.dumps(demo_doc))
        assert b"Demo-Only-Not-A-Secret" not in row.document


WAIVERS = """waivers:
  - id: W-7
    rule: ec2_sg_no_world_ingress
    owner: network-lead@example.com
    reason: Bastion kept until the Session Manager migration completes.
    expires: {expires}
"""


def test_waivers_in_the_store_are_audited_and_applied(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], aws: None
) -> None:
    from wasp.store.waivers import stored_waivers, waiver_events

    path = tmp_path / "w.yaml"

    def run(*args: str) -> str:
        with pytest.raises(SystemExit) as exc:
            main([*args, "--db", db_url])
        captured = capsys.readouterr()
        assert exc.value.code == 0, captured.err
        return captured.out + captured.err

    path.write_text(WAIVERS.format(expires="2099-01-01"))
    assert "W-7: created" in run("waiver", "import", str(path), "--actor", "alice")
    assert "W-7: unchanged" in run("waiver", "import", str(path), "--actor", "alice")
    path.write_text(WAIVERS.format(expires="2099-06-30"))
    assert "W-7: updated" in run("waiver", "import", str(path), "--actor", "bob")
    store = open_store(db_url)
    events = waiver_events(store, "W-7")
    assert [(e["action"], e["actor"]) for e in events] == [("created", "alice"), ("updated", "bob")]
    assert events[1]["before"]["expires"] == "2099-01-01" and events[1]["after"]["expires"] == "2099-06-30"
    assert "W-7" in run("waiver", "list")
    assert "updated W-7" in run("waiver", "log")

    # a saved review applies stored waivers: the world-open group is waived, and kept
    import boto3

    from wasp.snapshot import Snapshot, save_snapshot
    from wasp.workflow import collect_live

    ec2 = boto3.client("ec2", region_name="eu-west-2")
    sg = ec2.create_security_group(GroupName="b", Description="b")["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    from datetime import UTC, datetime

    from wasp.model import Workload

    inv, _, accounts = collect_live(Workload(name="w", regions=("eu-west-2",)), collectors=["ec2"])
    snap = save_snapshot(
        Snapshot(inv, datetime(2026, 11, 1, tzinfo=UTC), "w", accounts, ("eu-west-2",)),
        tmp_path / "s.json.gz",
    )
    run("review", "--snapshot", str(snap), "--out", str(tmp_path / "o"), "--save")
    review = json.loads((tmp_path / "o" / "review.json").read_text())
    [finding] = [
        f for f in review["findings"] if f["rule"] == "ec2_sg_no_world_ingress" and f["resource"]["id"] == sg
    ]
    assert finding["status"] == "waived" and finding["waiver"].startswith("W-7 ")
    assert review["waivers"][0]["findings"] >= 1

    assert "W-7: removed" in run("waiver", "remove", "W-7", "--actor", "carol")
    assert stored_waivers(store) == [] and waiver_events(store)[-1]["action"] == "removed"


def test_html_report_embeds_the_history_chart(
    tmp_path: Path, demo_doc: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "h.db")
    store = open_store(db)
    store.save(demo_doc)
    store.save(demo_doc)
    review = tmp_path / "review.json"
    review.write_text(json.dumps(demo_doc))
    with pytest.raises(SystemExit) as exc:
        main(["report", str(review), "-f", "html", "--history", "--db", db, "-o", str(tmp_path / "r.html")])
    assert exc.value.code == 0, capsys.readouterr().err
    html = (tmp_path / "r.html").read_text()
    assert 'id="history"' in html and 'src="data:image/png;base64,iVBOR' in html


def test_a_postgres_url_without_the_driver_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without psycopg, a PostgreSQL URL is one line saying which extra to install, not an ImportError."""
    import sys

    from wasp.extras import MissingExtra
    from wasp.store import open_store

    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(MissingExtra, match=r"pip install 'wasp\[postgres\]'"):
        open_store("postgresql://wasp@127.0.0.1:1/wasp")
