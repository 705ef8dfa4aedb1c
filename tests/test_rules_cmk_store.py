"""The CMK-everywhere rules leave confidential and restricted stores to their sensitive rules, never both."""

from __future__ import annotations

from typing import Any

import pytest

from wasp.engine.evaluate import evaluate_resource
from wasp.model import FindingStatus, Inventory, OriginKind, Unresolved
from wasp.model.resource import Origin, Resource
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

RULES = {r.id: r for r in load_rules()}
RESTRICTED = [{"Key": "data-classification", "Value": "restricted"}]
INTERNAL = [{"Key": "data-classification", "Value": "internal"}]
SSE_S3 = {
    "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
}
PAIRS = [
    ("s3_bucket_cmk", "s3_bucket_cmk_for_sensitive", "AWS::S3::Bucket", {"BucketEncryption": SSE_S3}),
    (
        "sqs_queue_cmk",
        "sqs_queue_cmk_for_sensitive",
        "AWS::SQS::Queue",
        {"KmsMasterKeyId": None, "SqsManagedSseEnabled": True},
    ),
]


def _status(rule: str, rtype: str, props: dict[str, Any], kind: OriginKind) -> FindingStatus | None:
    resource = Resource(type=rtype, id="store", properties=props, origin=Origin(kind=kind, address="store"))
    inventory = Inventory()
    inventory.add(resource)
    finding = evaluate_resource(
        RULES[rule], resource, RuleContext(inventory=inventory), "2026-01-01T00:00:00Z"
    )
    return None if finding is None else finding.status


@pytest.mark.parametrize(("everywhere", "sensitive", "rtype", "props"), PAIRS)
@pytest.mark.parametrize("kind", [OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM, OriginKind.LIVE])
def test_a_restricted_store_without_a_cmk_fails_once(
    everywhere: str, sensitive: str, rtype: str, props: dict[str, Any], kind: OriginKind
) -> None:
    store = {**props, "Tags": RESTRICTED}
    assert _status(sensitive, rtype, store, kind) is FindingStatus.FAIL
    assert _status(everywhere, rtype, store, kind) is None  # not applicable: the sensitive rule decides


@pytest.mark.parametrize(("everywhere", "sensitive", "rtype", "props"), PAIRS)
def test_an_internal_store_is_decided_by_the_everywhere_rule(
    everywhere: str, sensitive: str, rtype: str, props: dict[str, Any]
) -> None:
    store = {**props, "Tags": INTERNAL}
    assert _status(everywhere, rtype, store, OriginKind.TERRAFORM) is FindingStatus.FAIL
    assert _status(sensitive, rtype, store, OriginKind.TERRAFORM) is None


@pytest.mark.parametrize(("everywhere", "sensitive", "rtype", "props"), PAIRS)
def test_unknown_tags_leave_the_decision_to_the_everywhere_rule(
    everywhere: str, sensitive: str, rtype: str, props: dict[str, Any]
) -> None:
    store = {**props, "Tags": Unresolved("a variable without a default")}
    assert _status(everywhere, rtype, store, OriginKind.TERRAFORM) is FindingStatus.FAIL
    assert _status(sensitive, rtype, store, OriginKind.TERRAFORM) is FindingStatus.UNKNOWN
