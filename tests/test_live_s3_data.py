"""S3 versioning, access logging, lifecycle and Object Ownership read live: configured, bare, and denied reads
that leave the verdicts unknown (never a pass or fail on a property that could not be read)."""

from __future__ import annotations

from datetime import UTC, datetime

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import REGION
from wasp.collect.clients import ClientFactory
from wasp.collect.registry import select_collectors
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

ACCOUNT = "123456789012"
IDS = ("s3_bucket_versioning", "s3_bucket_access_logging", "s3_bucket_lifecycle", "s3_bucket_acls_disabled")
RULES = [r for r in load_rules() if r.id in IDS]


def _verdicts() -> dict[tuple[str, str], str]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan(select_collectors(["s3"]), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    found = evaluate(RULES, inventory, RuleContext(inventory=inventory, now=now), observed_at=now)
    return {(f.rule, f.resource.id): f.status.value for f in found.findings}


def _buckets() -> None:
    s3 = boto3.client("s3", region_name=REGION)
    where = {"LocationConstraint": REGION}
    for name in ("bare", "kept", "log-archive"):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration=where)  # type: ignore[typeddict-item]
    s3.put_bucket_acl(Bucket="log-archive", ACL="log-delivery-write")
    s3.put_bucket_versioning(Bucket="kept", VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_logging(
        Bucket="kept",
        BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": "log-archive", "TargetPrefix": "kept/"}},
    )
    s3.put_bucket_lifecycle_configuration(
        Bucket="kept",
        LifecycleConfiguration={
            "Rules": [
                {"ID": "expire", "Status": "Enabled", "Filter": {"Prefix": ""}, "Expiration": {"Days": 365}}
            ]
        },
    )
    s3.put_bucket_ownership_controls(
        Bucket="kept", OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
    )
    s3.put_bucket_ownership_controls(
        Bucket="bare", OwnershipControls={"Rules": [{"ObjectOwnership": "ObjectWriter"}]}
    )


def test_bucket_settings_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        _buckets()
        seen = _verdicts()
    for rule in IDS:
        assert seen[(rule, "kept")] == "pass", rule
        assert seen[(rule, "bare")] == "fail", rule


def test_a_bucket_that_never_set_object_ownership_keeps_acls() -> None:
    from moto import mock_aws

    with mock_aws():
        _buckets()
        seen = _verdicts()
    assert seen[("s3_bucket_acls_disabled", "log-archive")] == "fail"


@pytest.mark.parametrize(
    ("operation", "rule"),
    [
        ("get_bucket_versioning", "s3_bucket_versioning"),
        ("get_bucket_logging", "s3_bucket_access_logging"),
        ("get_bucket_lifecycle_configuration", "s3_bucket_lifecycle"),
        ("get_bucket_ownership_controls", "s3_bucket_acls_disabled"),
    ],
)
def test_a_denied_read_is_unknown(monkeypatch: pytest.MonkeyPatch, operation: str, rule: str) -> None:
    from moto import mock_aws

    from wasp.collect import api

    real = api.ApiReader.call

    def call(self: api.ApiReader, op: str, **kwargs: object) -> object:
        if op == operation:
            error = {"Error": {"Code": "AccessDenied", "Message": "denied"}}
            raise self._fail(ClientError(error, op), "s3", op, self.region, None, ())  # type: ignore[arg-type]
        return real(self, op, **kwargs)  # type: ignore[arg-type]

    with mock_aws():
        _buckets()
        monkeypatch.setattr(api.ApiReader, "call", call)
        seen = _verdicts()
    assert seen[(rule, "kept")] == "unknown"
    assert seen[(rule, "bare")] == "unknown"


def test_mfa_delete_is_read_with_versioning() -> None:
    from moto import mock_aws

    mfa = [r for r in load_rules() if r.id == "s3_bucket_mfa_delete"]
    with mock_aws():
        _buckets()
        factory = ClientFactory(boto3.session.Session(region_name=REGION))
        inventory, _ = collect(
            plan(select_collectors(["s3"]), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
        )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    found = evaluate(mfa, inventory, RuleContext(inventory=inventory, now=now), observed_at=now)
    assert {f.resource.id: f.status.value for f in found.findings} == {
        "bare": "fail",
        "kept": "fail",
        "log-archive": "fail",
    }
