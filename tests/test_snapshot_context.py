"""A snapshot keeps the whole review context, so reviewing it later decides exactly as the live review did."""

from __future__ import annotations

import gzip
import json
import textwrap
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.cli.app import main
from wasp.errors import InputError
from wasp.model import Workload
from wasp.model.redact import REDACTED
from wasp.report import review_dict
from wasp.snapshot import SCHEMA, Snapshot, load_snapshot, save_snapshot
from wasp.workflow import WorkloadOverrides, collect_snapshot, review_live, review_snapshot
from wasp.workload import load_workload
from wasp.workload.context import ReviewContext, context_dict, context_from_dict

COLLECTORS = ["account", "iam", "s3", "ec2", "cicd", "contacts"]
ADMIN = json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
)
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "sts:AssumeRole",
        }
    ],
}


def _seed() -> None:
    """An open SSH group (waived), an admin role (break-glass), a bucket tagged in the workload's own scheme."""
    ec2 = boto3.client("ec2", region_name=REGION)
    sg = ec2.create_security_group(GroupName="bastion", Description="bastion")["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    iam = boto3.client("iam", region_name=REGION)
    for name in ("BreakGlass", "Deployer"):
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(TRUST))
        iam.put_role_policy(RoleName=name, PolicyName="admin", PolicyDocument=ADMIN)
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="ledger", CreateBucketConfiguration={"LocationConstraint": REGION})
    s3.put_bucket_tagging(Bucket="ledger", Tagging={"TagSet": [{"Key": "Tier", "Value": "gold"}]})


def _workload_file(tmp_path: Path) -> Path:
    (tmp_path / "waivers.yaml").write_text(
        textwrap.dedent(
            """\
            waivers:
              - id: W-1
                rule: ec2_sg_no_world_ingress
                owner: network-lead@example.com
                reason: Legacy bastion kept until the Session Manager migration completes.
                expires: 2099-01-01
            """
        )
    )
    (tmp_path / "attestations.yaml").write_text(
        textwrap.dedent(
            """\
            attestations:
              SEC01-BP07:
                answer: yes
                owner: lead@example.com
                date: 2026-01-10
                evidence: [https://wiki/threat-model]
            """
        )
    )
    path = tmp_path / "wasp.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            name: payments
            regions: [eu-west-2]
            attestations: attestations.yaml
            waivers: waivers.yaml
            stakeholders: {SEC02: iam-lead@example.com, SEC03: iam-lead@example.com, SEC08: data@example.com}
            break_glass: [BreakGlass]
            pipeline: true
            classification:
              keys: [Tier]
              values: {gold: restricted}
            security_contact: {name: Sec Team, email: sec@example.com, phone: "+44 20 0000", title: CISO}
            kms_key: alias/payments
            """
        )
    )
    return path


_TIMES = {"generated_at", "observed_at", "collected_at"}


def _without_times(value: Any) -> Any:
    """The review document without its timestamps (and without the source, which says 'snapshot')."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k not in _TIMES}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def _finding(doc: dict[str, Any], rule: str, resource: str) -> dict[str, Any]:
    return next(f for f in doc["findings"] if f["rule"] == rule and f["resource"]["id"].startswith(resource))


def _open_ssh(doc: dict[str, Any]) -> dict[str, Any]:
    """The bastion group's finding (the default group passes)."""
    [finding] = [
        f for f in doc["findings"] if f["rule"] == "ec2_sg_no_world_ingress" and f["status"] != "pass"
    ]
    return finding


def test_snapshot_review_equals_live_review(aws: None, tmp_path: Path) -> None:
    _seed()
    wl = load_workload(_workload_file(tmp_path))
    live = review_dict(review_live(wl, collectors=COLLECTORS).review)
    snap, _ = collect_snapshot(wl, collectors=COLLECTORS)
    saved = save_snapshot(snap, tmp_path / "out" / "snap.json.gz")
    for name in ("wasp.yaml", "waivers.yaml", "attestations.yaml"):  # the reviewer has only the snapshot
        (tmp_path / name).unlink()

    offline = review_dict(review_snapshot(load_snapshot(saved)))

    assert offline["scope"].pop("sources") == ["snapshot"] and live["scope"].pop("sources") == ["live"]
    assert json.dumps(_without_times(offline), sort_keys=True) == json.dumps(
        _without_times(live), sort_keys=True
    )
    # ... and the context really decided something, in both
    for doc in (live, offline):
        assert _open_ssh(doc)["waiver"].startswith("W-1 ")
        assert _finding(doc, "iam_role_no_admin", "BreakGlass")["status"] == "pass"
        assert _finding(doc, "iam_role_no_admin", "Deployer")["status"] == "fail"
        assert _finding(doc, "s3_bucket_classified", "ledger")["status"] == "pass"
        assert _finding(doc, "pipeline_present", "")["status"] == "fail"
        assert any(item.get("owner") == "iam-lead@example.com" for item in doc["improvement_plan"])


def test_a_bare_workload_would_decide_differently(aws: None, tmp_path: Path) -> None:
    """The equality above is not luck: without the saved context the decisions change."""
    _seed()
    wl = load_workload(_workload_file(tmp_path))
    snap, _ = collect_snapshot(wl, collectors=COLLECTORS)
    bare = Snapshot(snap.inventory, snap.collected_at, snap.workload, snap.accounts, snap.regions)
    doc = review_dict(review_snapshot(bare))
    assert _open_ssh(doc)["status"] == "fail"
    assert _finding(doc, "iam_role_no_admin", "BreakGlass")["status"] == "fail"
    assert _finding(doc, "s3_bucket_classified", "ledger")["status"] == "fail"


def test_snapshot_file_carries_every_workload_field(aws: None, tmp_path: Path) -> None:
    _seed()
    wl = load_workload(_workload_file(tmp_path))
    snap, _ = collect_snapshot(wl, collectors=["s3"])
    doc = json.loads(gzip.decompress(save_snapshot(snap, tmp_path / "s.json.gz").read_bytes()))
    assert doc["schema"] == SCHEMA == "wasp.snapshot/2"
    saved = doc["context"]["workload"]
    assert set(saved) == set(Workload.__dataclass_fields__)
    assert saved["break_glass"] == ["BreakGlass"] and saved["pipeline"] is True
    assert saved["security_contact"]["email"] == "sec@example.com" and saved["kms_key"] == "alias/payments"
    assert ["gold", "restricted"] in saved["classification_values"] and saved["classification_keys"] == [
        "Tier"
    ]
    assert [w["id"] for w in doc["context"]["waivers"]] == ["W-1"]
    assert [a["best_practice"] for a in doc["context"]["attestations"]] == ["SEC01-BP07"]
    assert load_snapshot(tmp_path / "s.json.gz").context == context_from_dict(doc["context"])


def test_secret_named_values_are_not_saved() -> None:
    wl = Workload(
        name="w",
        security_contact={"email": "sec@example.com", "api_token": "hunter2-very-secret"},
        scope_tags={"db_password": "Tr0ub4dor&3"},
    )
    saved = context_dict(ReviewContext(wl))["workload"]
    assert saved["security_contact"] == {"email": "sec@example.com", "api_token": REDACTED}
    assert saved["scope_tags"] == {"db_password": REDACTED}
    assert "hunter2" not in json.dumps(saved) and "Tr0ub4dor" not in json.dumps(saved)


def test_version_1_snapshots_are_still_read(tmp_path: Path) -> None:
    doc = {
        "schema": "wasp.snapshot/1",
        "collected_at": "2026-11-01T00:00:00+00:00",
        "workload": "old",
        "accounts": ["123456789012"],
        "regions": [REGION],
        "collected_types": [],
        "resources": [],
        "gaps": [],
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(doc))
    snap = load_snapshot(path)
    assert snap.context is None and snap.workload == "old"
    review = review_snapshot(snap)
    assert review.workload == "old" and review.scope["regions"] == [REGION]
    # a /1 snapshot takes its context from a workload file, with the overrides on top
    with_file = review_snapshot(
        snap, Workload(name="file", regions=("eu-west-1",)), overrides=WorkloadOverrides(name="flag")
    )
    assert with_file.workload == "flag" and with_file.scope["regions"] == ["eu-west-1"]


@pytest.fixture
def context_snapshot(aws: None, tmp_path: Path) -> Path:
    _seed()
    wl = load_workload(_workload_file(tmp_path))
    snap, _ = collect_snapshot(wl, collectors=["ec2"])
    return save_snapshot(snap, tmp_path / "snap.json.gz")


def test_the_same_workload_file_is_accepted(context_snapshot: Path, tmp_path: Path) -> None:
    review = review_snapshot(load_snapshot(context_snapshot), load_workload(tmp_path / "wasp.yaml"))
    assert review.workload == "payments"


def test_a_different_workload_file_is_refused(context_snapshot: Path, tmp_path: Path) -> None:
    path = tmp_path / "wasp.yaml"
    path.write_text(
        path.read_text().replace("pipeline: true", "pipeline: false").replace("[BreakGlass]", "[]")
    )
    (tmp_path / "waivers.yaml").write_text("waivers: []\n")
    with pytest.raises(
        InputError, match=r"wasp.yaml: sets break_glass, pipeline, waivers differently"
    ) as exc:
        review_snapshot(load_snapshot(context_snapshot), load_workload(path))
    assert "\n" not in str(exc.value)


def test_overrides_apply_on_top_of_the_saved_workload(context_snapshot: Path, tmp_path: Path) -> None:
    (tmp_path / "other-waivers.yaml").write_text("waivers: []\n")
    over = WorkloadOverrides(name="renamed", waivers=tmp_path / "other-waivers.yaml")
    doc = review_dict(review_snapshot(load_snapshot(context_snapshot), overrides=over))
    assert doc["workload"] == "renamed" and doc["waivers"] == []
    assert _open_ssh(doc)["status"] == "fail"


def test_cli_reviews_with_the_saved_workload(
    context_snapshot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["review", "--snapshot", str(context_snapshot), "--out", str(tmp_path / "o")])
    assert exc.value.code == 0, capsys.readouterr().err
    doc = json.loads((tmp_path / "o" / "review.json").read_text())
    assert doc["workload"] == "payments"
    assert _open_ssh(doc)["waiver"].startswith("W-1 ")


def test_cli_refuses_a_different_workload_file(
    context_snapshot: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("name: other\nregions: [eu-west-2]\n")
    with pytest.raises(SystemExit) as exc:
        main(["review", str(other), "--snapshot", str(context_snapshot), "--out", str(tmp_path / "o")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "differently from the workload saved in the snapshot" in err and "Traceback" not in err


def test_collect_saves_the_context_at_collection_time(aws: None, tmp_path: Path) -> None:
    _seed()
    out = tmp_path / "s.json.gz"
    with pytest.raises(SystemExit) as exc:
        main(["collect", str(_workload_file(tmp_path)), "--collectors", "ec2", "-o", str(out)])
    assert exc.value.code == 0
    doc = json.loads(gzip.decompress(out.read_bytes()))
    assert doc["context"]["workload"]["name"] == "payments" and doc["context"]["waivers"][0]["id"] == "W-1"


def test_collect_checks_the_waiver_file_before_collecting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wasp.workflow

    def must_not_collect(*args: object, **kwargs: object) -> None:
        raise AssertionError("collected before checking the waiver file")

    monkeypatch.setattr(wasp.workflow, "collect_live", must_not_collect)
    path = _workload_file(tmp_path)
    (tmp_path / "waivers.yaml").write_text("waivers: [{id: W-1}]\n")
    with pytest.raises(InputError, match=r"waivers.yaml:1: waiver file: .*owner: Field required"):
        collect_snapshot(load_workload(path), collectors=["ec2"])
