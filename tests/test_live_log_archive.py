"""The trail's log bucket read live (moto): Object Lock with a default retention, private; or unknown, by name."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import REGION
from test_live_controls import ACCOUNT, F, P, U, _c
from wasp.collect import api
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

RULE = next(r for r in load_rules() if r.id == "cloudtrail_log_bucket_protected")
WHERE = {"CreateBucketConfiguration": {"LocationConstraint": REGION}}


def _bucket(name: str, lock: bool, retention: bool = True) -> None:
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket=name, ObjectLockEnabledForBucket=lock, **WHERE)
    s3.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "BlockPublicPolicy": True,
            "IgnorePublicAcls": True,
            "RestrictPublicBuckets": True,
        },
    )
    if lock and retention:
        s3.put_object_lock_configuration(
            Bucket=name,
            ObjectLockConfiguration={
                "ObjectLockEnabled": "Enabled",
                "Rule": {"DefaultRetention": {"Mode": "COMPLIANCE", "Days": 400}},
            },
        )


def _trail(name: str, bucket: str) -> None:
    boto3.client("cloudtrail", region_name=REGION).create_trail(Name=name, S3BucketName=bucket)


def _review() -> tuple[dict[str, Any], Any]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan([_c("s3"), _c("cloudtrail")], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    ctx = RuleContext(inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)))
    ev = evaluate((RULE,), inventory, ctx, observed_at=ctx.now)
    return {f.resource.id: f for f in ev.findings}, ev


@pytest.mark.usefixtures("aws")
def test_locked_with_retention_passes_and_lock_without_retention_or_no_lock_fails() -> None:
    _bucket("acme-log-archive", lock=True)
    _bucket("acme-app-logs", lock=True, retention=False)
    _bucket("acme-legacy-logs", lock=False)
    _trail("org-trail", "acme-log-archive")
    _trail("app-trail", "acme-app-logs")
    _trail("legacy-trail", "acme-legacy-logs")
    got, ev = _review()
    assert {k: f.status for k, f in got.items()} == {"org-trail": P, "app-trail": F, "legacy-trail": F}
    assert "without a default retention" in got["app-trail"].message
    assert "no Object Lock" in got["legacy-trail"].message
    assert got["org-trail"].evidence["retention_mode"] == "COMPLIANCE"
    # a bucket without Object Lock is a fact (ObjectLockConfigurationNotFoundError), not a failed read
    assert not [g for g in ev.gaps if g.operation == "get_object_lock_configuration"]


@pytest.mark.usefixtures("aws")
def test_a_log_bucket_outside_the_review_is_unknown_by_name() -> None:
    _bucket("acme-log-archive", lock=True)
    _trail("org-trail", "acme-log-archive")
    # the bucket lives in the log-archive account, which this review does not cover: here, it is gone
    boto3.client("s3", region_name=REGION).delete_bucket(Bucket="acme-log-archive")
    got, _ = _review()
    assert got["org-trail"].status is U
    assert "acme-log-archive" in got["org-trail"].message and "not in this review" in got["org-trail"].message


@pytest.mark.usefixtures("aws")
def test_a_denied_object_lock_read_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    _bucket("acme-log-archive", lock=True)
    _trail("org-trail", "acme-log-archive")
    real = api.ApiReader.call

    def call(self: api.ApiReader, op: str, **kwargs: Any) -> Any:
        if op == "get_object_lock_configuration":
            error = {"Error": {"Code": "AccessDenied", "Message": "denied"}}
            raise self._fail(
                ClientError(error, op), "s3", op, self.region, kwargs["resource_id"], kwargs["affects"]
            )
        return real(self, op, **kwargs)

    monkeypatch.setattr(api.ApiReader, "call", call)
    got, ev = _review()
    assert got["org-trail"].status is U and "Object Lock" in got["org-trail"].message
    [gap] = [g for g in ev.gaps if g.operation == "get_object_lock_configuration"]
    assert gap.resource_id == "acme-log-archive" and "cloudtrail_log_bucket_protected" in gap.rules
