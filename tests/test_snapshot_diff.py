"""Snapshots (collect now, review later offline, repeatably) and diffs between reviews."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.cli.app import main
from wasp.errors import InputError
from wasp.model import Unresolved, Workload
from wasp.report import review_dict
from wasp.report.diff import diff_reviews
from wasp.snapshot import Snapshot, load_snapshot, save_snapshot
from wasp.workflow import collect_live, review_snapshot


def _seed() -> None:
    ec2 = boto3.client("ec2", region_name=REGION)
    sg = ec2.create_security_group(GroupName="open", Description="open")["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    boto3.client("s3", region_name=REGION).create_bucket(
        Bucket="snap-b", CreateBucketConfiguration={"LocationConstraint": REGION}
    )


@pytest.fixture
def snapshot_file(aws: None, tmp_path: Path) -> Path:
    _seed()
    from datetime import UTC, datetime

    wl = Workload(name="snap", regions=(REGION,))
    inventory, stats, accounts = collect_live(wl, collectors=["account", "s3", "ec2"])
    snap = Snapshot(
        inventory, datetime(2026, 11, 1, tzinfo=UTC), "snap", accounts, (REGION,), stats.api_calls
    )
    return save_snapshot(snap, tmp_path / "snapshot.json.gz")


def test_same_inventory_same_bytes(snapshot_file: Path, tmp_path: Path) -> None:
    again = save_snapshot(load_snapshot(snapshot_file), tmp_path / "again.json.gz")
    assert again.read_bytes() == snapshot_file.read_bytes()


def test_unknowns_and_gaps_survive_the_round_trip(snapshot_file: Path) -> None:
    snap = load_snapshot(snapshot_file)
    [account] = snap.inventory.of_type("AWS::::Account")
    assert isinstance(
        account.properties["Regions"][REGION]["InstanceMetadataDefaults"]["HttpTokens"], Unresolved
    )
    assert any(g.operation == "get_instance_metadata_defaults" for g in snap.inventory.gaps)
    assert snap.inventory.was_collected("AWS::S3::Bucket")


def test_offline_review_is_repeatable(snapshot_file: Path) -> None:
    docs = [
        review_dict(review_snapshot(load_snapshot(snapshot_file), Workload(name="snap"))) for _ in range(2)
    ]
    for d in docs:
        d.pop("generated_at")
    assert json.dumps(docs[0], sort_keys=True) == json.dumps(docs[1], sort_keys=True)
    assert any(f["rule"] == "ec2_sg_no_world_ingress" and f["status"] == "fail" for f in docs[0]["findings"])
    assert docs[0]["scope"]["sources"] == ["snapshot"]


def test_review_snapshot_needs_no_credentials(
    snapshot_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(var)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    with pytest.raises(SystemExit) as exc:
        main(["review", "--snapshot", str(snapshot_file), "--out", str(tmp_path / "o")])
    assert exc.value.code == 0, capsys.readouterr().err
    review = json.loads((tmp_path / "o" / "review.json").read_text())
    assert review["workload"] == "snap" and review["findings"]


def test_collect_command(aws: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _seed()
    out = tmp_path / "s.json.gz"
    with pytest.raises(SystemExit) as exc:
        main(["collect", "--name", "cli", "--regions", REGION, "--collectors", "s3,ec2", "-o", str(out)])
    assert exc.value.code == 0
    assert "resources" in capsys.readouterr().err
    doc = json.loads(gzip.decompress(out.read_bytes()))
    assert doc["schema"] == "wasp.snapshot/2" and doc["workload"] == "cli"
    assert doc["context"]["workload"]["name"] == "cli" and doc["context"]["workload"]["regions"] == [REGION]
    assert {"AWS::S3::Bucket", "AWS::EC2::SecurityGroup"} <= {r["type"] for r in doc["resources"]}


_DAMAGED_CONTEXT = json.dumps(
    {
        "schema": "wasp.snapshot/2",
        "collected_at": "2026-11-01T00:00:00+00:00",
        "workload": "w",
        "accounts": [],
        "regions": [],
        "collected_types": [],
        "resources": [],
        "gaps": [],
        "context": {"workload": {"name": "w", "stakeholders": ["SEC01"]}},
    }
).encode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "snapshot not found"),
        (b"\x1f\x8b\x08\x00garbage", "snapshot is corrupt"),
        (b"{not json", "not valid JSON"),
        (b'{"schema": "other"}', "not a wasp snapshot"),
        (b'{"schema": "wasp.snapshot/1"}', "snapshot is damaged"),
        (b'{"schema": "wasp.snapshot/2"}', "snapshot is damaged"),
        (_DAMAGED_CONTEXT, "snapshot is damaged"),
    ],
)
def test_bad_snapshots(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "s.json.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        load_snapshot(path)


def test_diff_shows_improvement(
    demo_doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = copy.deepcopy(demo_doc)
    after = copy.deepcopy(demo_doc)
    fixed = next(
        f for f in after["findings"] if f["status"] == "fail" and f["severity"] in ("critical", "high")
    )
    fixed["status"] = "pass"
    after["summary"]["findings"]["fail"] -= 1
    q = next(q for q in after["questions"] if q["risk"] == "high")
    q["risk"] = "medium"
    bp = next(bp for bp in q["best_practices"] if bp["status"] == "not_met")
    bp["status"] = "met"
    result = diff_reviews(before, after)
    assert [r["id"] for r in result["resolved_high_findings"]] == [fixed["id"]]
    assert result["new_high_findings"] == []
    assert result["questions"] == [
        {"id": q["id"], "title": q["title"], "before": "high", "after": "medium", "direction": "better"}
    ]
    assert [b["id"] for b in result["best_practices"]] == [bp["id"]]
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(json.dumps(before))
    b.write_text(json.dumps(after))
    with pytest.raises(SystemExit) as exc:
        main(["diff", str(a), str(b)])
    text = capsys.readouterr().out
    assert (
        exc.value.code == 0 and "resolved:" in text and f"question {q['id']}: high -> medium (better)" in text
    )


def test_review_with_db_opens_the_store_once(
    snapshot_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import wasp.store

    opened: list[str | None] = []
    real = wasp.store.open_store

    def counting(url: str | None = None) -> wasp.store.Store:
        opened.append(url)
        return real(url)

    monkeypatch.setattr(wasp.store, "open_store", counting)
    db = f"sqlite:///{tmp_path / 'w.db'}"
    with pytest.raises(SystemExit) as exc:
        main(["review", "--snapshot", str(snapshot_file), "--out", str(tmp_path / "o"), "--db", db])
    assert exc.value.code == 0, capsys.readouterr().err
    assert opened == [db]  # stored waivers read and the review saved through one store
    assert len(real(db).reviews()) == 1
