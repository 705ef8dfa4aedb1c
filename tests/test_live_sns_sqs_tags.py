"""SNS topic and SQS queue tags read live (moto): the classification the customer-managed-key rules need."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import REGION
from test_live_controls import ACCOUNT, F, P, U, _c, verdicts
from wasp.collect import api
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import collect, plan
from wasp.model import Unresolved

CONFIDENTIAL = {"data-classification": "confidential"}


@pytest.fixture
def key(aws: None) -> Iterator[str]:
    yield boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]


def _deny(monkeypatch: pytest.MonkeyPatch, service: str, operation: str) -> None:
    """Every ``operation`` call fails as AccessDenied, recorded as the collector records real failures."""
    real = api.ApiReader.call

    def call(self: api.ApiReader, op: str, **kwargs: Any) -> Any:
        if op == operation:
            error = {"Error": {"Code": "AccessDenied", "Message": "denied"}}
            raise self._fail(
                ClientError(error, op), service, op, self.region, kwargs["resource_id"], kwargs["affects"]
            )
        return real(self, op, **kwargs)

    monkeypatch.setattr(api.ApiReader, "call", call)


def _inventory(name: str) -> Any:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(plan([_c(name)], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    return inventory


def test_confidential_queue_on_an_aws_managed_key_fails_and_on_a_cmk_passes(key: str) -> None:
    sqs = boto3.client("sqs", region_name=REGION)
    sqs.create_queue(QueueName="orders", Attributes={"KmsMasterKeyId": "alias/aws/sqs"}, tags=CONFIDENTIAL)
    sqs.create_queue(QueueName="payments", Attributes={"KmsMasterKeyId": key}, tags=CONFIDENTIAL)
    sqs.create_queue(QueueName="public-feed", Attributes={"KmsMasterKeyId": "alias/aws/sqs"})
    (orders,) = [q for q in _inventory("sqs").of_type("AWS::SQS::Queue") if q.id == "orders"]
    assert orders.properties["Tags"] == [{"Key": "data-classification", "Value": "confidential"}]
    # the untagged queue holds no classified data: out of scope, not unknown
    assert verdicts([_c("sqs"), _c("kms")], "sqs_queue_cmk_for_sensitive") == {"orders": F, "payments": P}


def test_confidential_topic_on_an_aws_managed_key_fails_and_on_a_cmk_passes(key: str) -> None:
    sns = boto3.client("sns", region_name=REGION)
    tags = [{"Key": "data-classification", "Value": "restricted"}]
    sns.create_topic(Name="alerts", Attributes={"KmsMasterKeyId": "alias/aws/sns"}, Tags=tags)
    sns.create_topic(Name="ledger", Attributes={"KmsMasterKeyId": key}, Tags=tags)
    sns.create_topic(Name="status")
    (alerts,) = [t for t in _inventory("sns").of_type("AWS::SNS::Topic") if t.id == "alerts"]
    assert alerts.tags == {"data-classification": "restricted"}
    assert verdicts([_c("sns"), _c("kms")], "sns_topic_cmk_for_sensitive") == {"alerts": F, "ledger": P}


def test_denied_list_queue_tags_leaves_the_queue_unknown(key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    sqs = boto3.client("sqs", region_name=REGION)
    sqs.create_queue(QueueName="orders", Attributes={"KmsMasterKeyId": key}, tags=CONFIDENTIAL)
    _deny(monkeypatch, "sqs", "list_queue_tags")
    inventory = _inventory("sqs")
    (queue,) = inventory.of_type("AWS::SQS::Queue")
    assert isinstance(queue.properties["Tags"], Unresolved)
    (gap,) = inventory.gaps
    assert (gap.operation, gap.resource_id, gap.resource_types) == (
        "list_queue_tags",
        "orders",
        ("AWS::SQS::Queue",),
    )
    # a CMK does not make it pass: whether the queue needs one is unknown without its tags
    assert verdicts([_c("sqs"), _c("kms")], "sqs_queue_cmk_for_sensitive") == {"orders": U}
    # the encryption rule does not read tags: its verdict stands
    assert verdicts([_c("sqs")], "sqs_queue_encrypted") == {"orders": P}


def test_denied_topic_tags_leave_the_topic_unknown(key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    boto3.client("sns", region_name=REGION).create_topic(Name="alerts", Attributes={"KmsMasterKeyId": key})
    _deny(monkeypatch, "sns", "list_tags_for_resource")
    inventory = _inventory("sns")
    (topic,) = inventory.of_type("AWS::SNS::Topic")
    assert isinstance(topic.properties["Tags"], Unresolved)
    assert [(g.operation, g.resource_id) for g in inventory.gaps] == [("list_tags_for_resource", "alerts")]
    assert verdicts([_c("sns"), _c("kms")], "sns_topic_cmk_for_sensitive") == {"alerts": U}
