"""Effective exposure end to end against moto: collector -> rules, and a fix that sets Block Public Access."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from conftest import NOW, REGION
from wasp.catalogue import load_catalogue
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import collect, plan
from wasp.collect.s3 import S3Collector
from wasp.engine import run_review
from wasp.engine.evaluate import evaluate
from wasp.model import Finding, FindingStatus, Severity, Workload
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.remediate.apply import apply_fixes
from wasp.remediate.base import FixContext
from wasp.remediate.plan import plan as plan_fixes
from wasp.report import review_dict
from wasp.rules import load_rules
from wasp.workflow import collect_live

ACCOUNT = "123456789012"
RULES = {r.id: r for r in load_rules()}
EXPOSURE = ("s3_bucket_acl_not_public", "s3_bucket_policy_not_public")
ALL_ON = dict.fromkeys(
    ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
)


def s3() -> Any:
    return boto3.client("s3", region_name=REGION)


def public_bucket(name: str) -> None:
    """A bucket with a public-read ACL and a policy letting anyone read its objects."""
    s3().create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    s3().put_bucket_acl(Bucket=name, ACL="public-read")
    statement = {
        "Effect": "Allow",
        "Principal": "*",
        "Action": "s3:GetObject",
        "Resource": f"arn:aws:s3:::{name}/*",
    }
    s3().put_bucket_policy(
        Bucket=name, Policy=json.dumps({"Version": "2012-10-17", "Statement": [statement]})
    )


def findings(factory: ClientFactory | None = None) -> dict[tuple[str, str], Finding]:
    """(rule, bucket) -> finding, for the exposure rules, after collecting S3 from the emulator."""
    factory = factory or ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(plan([S3Collector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    ev = evaluate([RULES[r] for r in EXPOSURE], inventory, ctx, observed_at=NOW)
    return {(f.rule, f.resource.id): f for f in ev.findings}


def assert_latent(found: Finding, by: str) -> None:
    assert (found.status, found.severity) == (FindingStatus.FAIL, Severity.LOW), found.message
    assert "latent, not public" in found.message and by in found.message


@pytest.mark.usefixtures("aws")
def test_public_grants_without_any_block_are_critical() -> None:
    public_bucket("open-b")
    got = findings()
    for rule in EXPOSURE:
        found = got[(rule, "open-b")]
        assert (found.status, found.severity, found.public_exposure) == (
            FindingStatus.FAIL,
            Severity.CRITICAL,
            True,
        ), found.message


@pytest.mark.usefixtures("aws")
def test_bucket_level_block_makes_the_grants_latent() -> None:
    public_bucket("blocked-b")
    s3().put_public_access_block(Bucket="blocked-b", PublicAccessBlockConfiguration=ALL_ON)
    got = findings()
    assert_latent(got[("s3_bucket_acl_not_public", "blocked-b")], "bucket-level IgnorePublicAcls")
    assert_latent(got[("s3_bucket_policy_not_public", "blocked-b")], "bucket-level RestrictPublicBuckets")


@pytest.mark.usefixtures("aws")
def test_account_level_block_makes_the_grants_latent() -> None:
    public_bucket("acct-b")
    boto3.client("s3control", region_name=REGION).put_public_access_block(
        AccountId=ACCOUNT, PublicAccessBlockConfiguration=ALL_ON
    )
    got = findings()
    assert_latent(got[("s3_bucket_acl_not_public", "acct-b")], "account-level IgnorePublicAcls")
    assert_latent(got[("s3_bucket_policy_not_public", "acct-b")], "account-level RestrictPublicBuckets")


@pytest.mark.usefixtures("aws")
def test_acls_disabled_by_object_ownership_make_the_acl_grant_latent() -> None:
    public_bucket("owned-b")
    s3().put_bucket_ownership_controls(
        Bucket="owned-b", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    )
    got = findings()
    assert_latent(got[("s3_bucket_acl_not_public", "owned-b")], "Object Ownership BucketOwnerEnforced")
    # ownership does not touch the bucket policy: that grant is still public
    assert got[("s3_bucket_policy_not_public", "owned-b")].severity is Severity.CRITICAL


@pytest.mark.usefixtures("aws")
def test_ownership_and_acl_are_read_once_per_bucket() -> None:
    """Object Ownership is read for every bucket (s3_bucket_acls_disabled decides it), once, like the ACL."""
    public_bucket("open-b")
    s3().create_bucket(Bucket="private-b", CreateBucketConfiguration={"LocationConstraint": REGION})
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    findings(factory)
    assert factory.calls["s3:GetBucketOwnershipControls"] == 2
    assert factory.calls["s3:GetBucketAcl"] == 2


class _AccountBlockDenied(ClientFactory):
    """moto for everything, except that the account-level GetPublicAccessBlock is denied."""

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        if service == "s3control" and not getattr(made, "_wasp_stubbed", False):
            stub = Stubber(made)
            stub.add_client_error("get_public_access_block", "AccessDenied", "Access Denied", 403)
            stub.activate()
            made._wasp_stubbed = True
        return made


@pytest.mark.usefixtures("aws")
def test_a_denied_account_block_read_makes_the_verdict_unknown_unless_the_bucket_blocks() -> None:
    public_bucket("open-b")
    public_bucket("blocked-b")
    s3().put_public_access_block(Bucket="blocked-b", PublicAccessBlockConfiguration=ALL_ON)
    got = findings(_AccountBlockDenied(boto3.session.Session(region_name=REGION)))
    for rule in EXPOSURE:
        unknown = got[(rule, "open-b")]
        assert unknown.status is FindingStatus.UNKNOWN and not unknown.public_exposure, unknown.message
        assert "account-level" in unknown.message
        assert got[(rule, "blocked-b")].severity is Severity.LOW  # neutralised by the bucket level


def _review() -> dict[str, Any]:
    wl = Workload(name="exposure", regions=(REGION,))
    inv, _, _ = collect_live(wl, collectors=["s3"])
    review = run_review(
        catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
    )
    return review_dict(review)


def _of(review: dict[str, Any], bucket: str) -> dict[str, dict[str, Any]]:
    return {
        f["rule"]: f for f in review["findings"] if f["resource"]["id"] == bucket and f["rule"] in EXPOSURE
    }


@pytest.mark.usefixtures("aws")
def test_after_the_block_public_access_fix_a_new_review_shows_the_bucket_not_public(tmp_path: Path) -> None:
    public_bucket("fix-me")
    before = _of(_review(), "fix-me")
    assert {r: (f["status"], f["severity"]) for r, f in before.items()} == dict.fromkeys(
        EXPOSURE, ("fail", "critical")
    )
    ctx = FixContext(workload=WorkloadScope(regions=(REGION,)))
    entries = plan_fixes(_review(), ctx, rules=["s3_bucket_public_access_block"], resources=["fix-me"])
    assert len(entries) == 1
    results = apply_fixes(
        entries,
        ClientFactory(boto3.session.Session(region_name=REGION)),
        ACCOUNT,
        (REGION,),
        ctx,
        tmp_path / "audit.jsonl",
        "tester",
    )
    assert [r.status for r in results] == ["fixed"], [r.detail for r in results]
    after = _of(_review(), "fix-me")
    for rule, found in after.items():
        assert (found["status"], found["severity"]) == ("fail", "low"), (rule, found["message"])
        assert "latent, not public" in found["message"]
