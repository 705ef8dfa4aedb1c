"""Every fixer against moto: fails before, apply fixes it (verified), a second apply changes nothing, audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.catalogue import load_catalogue
from wasp.collect.clients import ClientFactory
from wasp.engine import run_review
from wasp.model import Workload
from wasp.model.rule import WorkloadScope
from wasp.remediate.apply import apply_fixes
from wasp.remediate.base import FixContext
from wasp.remediate.plan import plan
from wasp.remediate.registry import fixers
from wasp.report import review_dict
from wasp.rules import load_rules
from wasp.workflow import collect_live

ACCOUNT = "123456789012"


def c(service: str) -> Any:
    return boto3.client(service, region_name=REGION)


def _review(collectors: list[str]) -> dict[str, Any]:
    wl = Workload(name="fix", regions=(REGION,))
    inv, _, _ = collect_live(wl, collectors=collectors)
    return review_dict(
        run_review(
            catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
        )
    )


def _bucket() -> None:
    c("s3").create_bucket(Bucket="fix-b", CreateBucketConfiguration={"LocationConstraint": REGION})


def _sg() -> None:
    gid = c("ec2").create_security_group(GroupName="fix", Description="fix")["GroupId"]
    c("ec2").authorize_security_group_ingress(
        GroupId=gid,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
            {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
        ],
    )


def _instance() -> None:
    c("ec2").run_instances(
        ImageId="ami-12345678", MinCount=1, MaxCount=1, MetadataOptions={"HttpTokens": "optional"}
    )


def _key() -> None:
    c("kms").create_key(Description="fix")


def _trail() -> None:
    c("s3").create_bucket(Bucket="fix-trail", CreateBucketConfiguration={"LocationConstraint": REGION})
    c("cloudtrail").create_trail(Name="fix-trail", S3BucketName="fix-trail")


def _stale_key() -> None:
    from moto.iam.models import iam_backends

    c("iam").create_user(UserName="old")
    c("iam").create_access_key(UserName="old")
    for key in iam_backends[ACCOUNT]["global"].users["old"].access_keys:
        key.create_date = datetime.now() - timedelta(days=200)


def _single_region_trail() -> None:
    c("s3").create_bucket(Bucket="one-trail", CreateBucketConfiguration={"LocationConstraint": REGION})
    c("cloudtrail").create_trail(Name="one", S3BucketName="one-trail")


def _launch_template() -> None:
    c("ec2").create_launch_template(
        LaunchTemplateName="lt", LaunchTemplateData={"MetadataOptions": {"HttpTokens": "optional"}}
    )


CONTACT = {
    "name": "Security team",
    "email": "security@example.com",
    "phone": "+440000000000",
    "title": "Security",
}

CASES: list[tuple[str, list[str], Callable[[], None]]] = [
    ("guardduty_enabled", ["account", "guardduty"], lambda: None),
    ("securityhub_fsbp_enabled", ["account", "securityhub"], lambda: None),
    ("cloudtrail_multi_region_logging", ["account", "cloudtrail"], _single_region_trail),
    ("ec2_launch_template_imdsv2", ["ec2"], _launch_template),
    ("account_security_contact", ["account", "contacts"], lambda: None),
    ("s3_bucket_public_access_block", ["s3"], _bucket),
    ("s3_bucket_default_encryption", ["s3"], _bucket),
    ("s3_account_public_access_block", ["s3"], _bucket),
    ("ec2_sg_no_world_ingress", ["ec2"], _sg),
    ("ebs_encryption_by_default", ["ec2"], lambda: None),
    ("ec2_imdsv2_required", ["ec2"], _instance),
    ("kms_key_rotation_enabled", ["kms"], _key),
    ("cloudtrail_log_file_validation", ["cloudtrail"], _trail),
    ("iam_access_key_unused", ["iam"], _stale_key),
]


def test_every_fixer_is_tested() -> None:
    assert {rule for rule, _, _ in CASES} == set(fixers())


@pytest.mark.usefixtures("aws")
@pytest.mark.parametrize(("rule", "collectors", "seed"), CASES, ids=[c[0] for c in CASES])
def test_fixer(rule: str, collectors: list[str], seed: Callable[[], None], tmp_path: Path) -> None:
    seed()
    review = _review(collectors)
    failing = [f for f in review["findings"] if f["rule"] == rule and f["status"] == "fail"]
    assert failing, "the seed must fail the rule before the fix"
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)), security_contact=CONTACT)
    entries = plan(review, ctx, rules=[rule])
    assert len(entries) == len(failing) and all(e.calls for e in entries), "dry-run plan shows the calls"
    # moto cannot report Security Hub's enabled standards, so that fix is applied but cannot be verified there
    expected = "applied_unverified" if rule == "securityhub_fsbp_enabled" else "fixed"
    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    log = tmp_path / "audit.jsonl"
    first = apply_fixes(
        entries, clients, ACCOUNT, (REGION,), ctx, log, "arn:aws:iam::123456789012:user/tester"
    )
    assert [r.status for r in first] == [expected] * len(first), [r.detail for r in first]
    after = _review(collectors)
    assert not [f for f in after["findings"] if f["rule"] == rule and f["status"] == "fail"]
    second = apply_fixes(entries, clients, ACCOUNT, (REGION,), ctx, log, "tester")
    # what cannot be re-checked is left alone too (moto's Security Hub cannot report its standards)
    again = (
        ("skipped", "cannot re-check now")
        if expected == "applied_unverified"
        else ("already_compliant", "no longer fails")
    )
    assert [(r.status, r.reason) for r in second] == [again] * len(second)
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    changes = [line for line in lines if "call" in line]
    assert len(changes) == sum(len(r.calls) for r in first) > 0
    assert all({"when", "who", "account", "call", "before", "after"} <= set(line) for line in changes)
    assert changes[0]["who"].endswith("user/tester") and changes[0]["account"] == ACCOUNT
    skips = [line for line in lines if "skipped" in line]
    assert [line["skipped"] for line in skips] == [again[1]] * len(second)


@pytest.mark.usefixtures("aws")
def test_sg_fix_revokes_only_the_dangerous_rules(tmp_path: Path) -> None:
    _sg()
    review = _review(["ec2"])
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)))
    apply_fixes(
        plan(review, ctx, rules=["ec2_sg_no_world_ingress"]),
        ClientFactory(boto3.session.Session(region_name=REGION)),
        ACCOUNT,
        (REGION,),
        ctx,
        tmp_path / "a.jsonl",
        "t",
    )
    group = next(g for g in c("ec2").describe_security_groups()["SecurityGroups"] if g["GroupName"] == "fix")
    kept = {(p.get("FromPort"), r["CidrIp"]) for p in group["IpPermissions"] for r in p.get("IpRanges", [])}
    assert kept == {(443, "0.0.0.0/0"), (5432, "10.0.0.0/8")}


@pytest.mark.usefixtures("aws")
def test_a_resource_deleted_between_plan_and_apply_is_skipped_as_gone(tmp_path: Path) -> None:
    _bucket()
    c("kms").create_key(Description="x")
    review = _review(["s3", "kms"])
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)))
    entries = plan(review, ctx, rules=["s3_bucket_public_access_block", "kms_key_rotation_enabled"])
    c("s3").delete_bucket(Bucket="fix-b")
    results = apply_fixes(
        entries,
        ClientFactory(boto3.session.Session(region_name=REGION)),
        ACCOUNT,
        (REGION,),
        ctx,
        tmp_path / "a.jsonl",
        "t",
    )
    by_rule = {r.rule: r for r in results}
    assert by_rule["s3_bucket_public_access_block"].status == "skipped"
    assert by_rule["s3_bucket_public_access_block"].reason == "gone since the review"
    assert by_rule["kms_key_rotation_enabled"].status == "fixed"
    [skip] = [
        json.loads(line) for line in (tmp_path / "a.jsonl").read_text().splitlines() if "skipped" in line
    ]
    assert skip["skipped"] == "gone since the review" and skip["resource"].endswith("fix-b")


def test_a_denied_call_fails_the_item_with_the_reason(tmp_path: Path) -> None:
    from botocore.stub import Stubber

    from wasp.model import Origin, OriginKind, Resource
    from wasp.remediate.plan import PlanEntry

    class Stubbed(ClientFactory):
        def __init__(self) -> None:
            super().__init__(boto3.session.Session(region_name=REGION))
            self.stubs: dict[str, Stubber] = {}

        def client(self, service: str, region: str, operation: str | None = None) -> Any:
            made = super().client(service, region, operation)
            if service not in self.stubs:
                self.stubs[service] = Stubber(made)
                if service == "sts":
                    self.stubs[service].add_response(
                        "get_caller_identity",
                        {"Account": ACCOUNT, "Arn": f"arn:aws:iam::{ACCOUNT}:user/t", "UserId": "AIDAT"},
                    )
                if service == "kms":
                    self.stubs[service].add_response("list_keys", {"Keys": [{"KeyId": "k1"}]})
                    self.stubs[service].add_response(
                        "describe_key",
                        {
                            "KeyMetadata": {
                                "KeyId": "k1",
                                "KeyManager": "CUSTOMER",
                                "KeySpec": "SYMMETRIC_DEFAULT",
                                "KeyState": "Enabled",
                                "Enabled": True,
                            }
                        },
                    )
                    self.stubs[service].add_response("get_key_rotation_status", {"KeyRotationEnabled": False})
                    self.stubs[service].add_response("get_key_policy", {"Policy": "{}"})
                    self.stubs[service].add_client_error(
                        "enable_key_rotation", "AccessDeniedException", http_status_code=400
                    )
                self.stubs[service].activate()
            return made

    fixer = fixers()["kms_key_rotation_enabled"]
    resource = Resource(
        "AWS::KMS::Key", "k1", {"EnableKeyRotation": False}, Origin(OriginKind.LIVE, ACCOUNT, REGION)
    )
    finding = {
        "id": "f-1",
        "rule": fixer.rule,
        "message": "KMS key k1 does not rotate automatically",
        "resource": {"type": "AWS::KMS::Key", "id": "k1", "region": REGION, "account": ACCOUNT},
    }
    entry = PlanEntry(finding, fixer, tuple(fixer.calls(resource, FixContext())))
    [result] = apply_fixes([entry], Stubbed(), ACCOUNT, (REGION,), FixContext(), tmp_path / "a.jsonl", "t")
    assert result.status == "failed" and "access denied" in result.detail


@pytest.mark.usefixtures("aws")
def test_fix_commands_plan_then_apply_only_with_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wasp.cli.app import main

    _bucket()
    review = tmp_path / "review.json"
    review.write_text(json.dumps(_review(["s3"])))

    def run(*args: str) -> tuple[int, str]:
        with pytest.raises(SystemExit) as exc:
            main(list(args))
        captured = capsys.readouterr()
        return int(exc.value.code or 0), captured.out + captured.err

    code, text = run("fix", "plan", str(review), "--rule", "s3_bucket_public_access_block")
    assert code == 0 and "1 fixable finding" in text and "nothing changed" in text
    assert c("s3").get_bucket_acl(Bucket="fix-b")  # untouched
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, text = run("fix", "apply", str(review), "--rule", "s3_bucket_public_access_block")
    assert code == 2 and "pass --yes" in text
    log = tmp_path / "audit.jsonl"
    code, text = run(
        "fix",
        "apply",
        str(review),
        "--rule",
        "s3_bucket_public_access_block",
        "--yes",
        "--audit-log",
        str(log),
    )
    assert code == 0 and "fixed" in text and log.exists()
    assert (
        c("s3").get_public_access_block(Bucket="fix-b")["PublicAccessBlockConfiguration"]["BlockPublicAcls"]
        is True
    )


@pytest.mark.usefixtures("aws")
@pytest.mark.parametrize(
    ("rule", "collectors", "detail"),
    [
        ("cloudtrail_multi_region_logging", ["account", "cloudtrail"], "no trail exists"),
        ("account_security_contact", ["account", "contacts"], "set security_contact"),
    ],
)
def test_fixes_that_need_input_are_skipped_not_tried(
    rule: str, collectors: list[str], detail: str, tmp_path: Path
) -> None:
    review = _review(collectors)
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)))
    [entry] = plan(review, ctx, rules=[rule])
    assert not entry.fixable and not entry.calls and entry.needs and detail in str(entry.needs)
    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    [result] = apply_fixes([entry], clients, ACCOUNT, (REGION,), ctx, tmp_path / "a.jsonl", "t")
    assert (result.status, result.reason) == ("skipped", "needs input")
    assert result.detail.startswith("needs input: ") and detail in result.detail
    assert set(clients.calls) == {"sts:GetCallerIdentity"}, "nothing read, nothing tried"
    [line] = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    assert line["skipped"] == "needs input" and detail in line["detail"]


@pytest.mark.usefixtures("aws")
def test_one_read_serves_the_next_fix_in_the_same_region(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wasp.remediate.apply as apply_module

    for _ in range(3):
        c("kms").create_key()
    review = _review(["kms"])
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)))
    entries = plan(review, ctx, rules=["kms_key_rotation_enabled"])
    assert len(entries) == 3
    reads: list[list[str]] = []
    real = apply_module.select_collectors

    def counting(names: list[str] | None = None) -> Any:
        reads.append(list(names or []))
        return real(names)

    monkeypatch.setattr(apply_module, "select_collectors", counting)
    results = apply_fixes(
        entries,
        ClientFactory(boto3.session.Session(region_name=REGION)),
        ACCOUNT,
        (REGION,),
        ctx,
        tmp_path / "a",
        "t",
    )
    assert [r.status for r in results] == ["fixed"] * 3
    assert len(reads) == 4  # one read before the first fix, then one after each change (not two per fix)
