"""CloudWatch Logs log groups read live (moto): key, retention and tags through the collector to the rules."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from conftest import REGION
from test_live_controls import F, P, _c, verdicts


@pytest.fixture
def groups(aws: None) -> Iterator[Any]:
    logs = boto3.client("logs", region_name=REGION)
    key = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
    logs.create_log_group(logGroupName="/app/audit", kmsKeyId=key, tags={"data-classification": "restricted"})
    logs.put_retention_policy(logGroupName="/app/audit", retentionInDays=400)
    logs.create_log_group(logGroupName="/app/web", tags={"data-classification": "confidential"})
    logs.put_retention_policy(logGroupName="/app/web", retentionInDays=30)
    logs.create_log_group(logGroupName="/aws/lambda/orders")
    yield logs


def test_key_and_retention_read_live(groups: Any) -> None:
    assert verdicts([_c("logs")], "logs_group_kms_encrypted") == {
        "/app/audit": P,
        "/app/web": F,
        "/aws/lambda/orders": F,
    }
    assert verdicts([_c("logs")], "logs_group_retention_year") == {
        "/app/audit": P,
        "/app/web": F,
        "/aws/lambda/orders": F,
    }


def test_tags_are_read_for_classification(groups: Any) -> None:
    from wasp.collect.clients import ClientFactory
    from wasp.collect.runner import collect, plan

    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan([_c("logs")], ["123456789012"], (REGION,)), {"123456789012": factory}, (REGION,)
    )
    (audit,) = [r for r in inventory.of_type("AWS::Logs::LogGroup") if r.id == "/app/audit"]
    assert audit.tags == {"data-classification": "restricted"}
    assert audit.arn and not audit.arn.endswith(":*")


def test_denied_tags_leave_the_group_with_unknown_tags(groups: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from botocore.exceptions import ClientError

    from wasp.collect import api
    from wasp.collect.clients import ClientFactory
    from wasp.collect.runner import collect, plan
    from wasp.model import Unresolved

    real = api.ApiReader.call

    def call(self: api.ApiReader, operation: str, **kwargs: Any) -> Any:
        if operation == "list_tags_for_resource":
            error = {"Error": {"Code": "AccessDeniedException", "Message": "denied"}}
            raise self._fail(
                ClientError(error, operation),
                "logs",
                operation,
                self.region,
                kwargs["resource_id"],
                kwargs["affects"],
            )
        return real(self, operation, **kwargs)

    monkeypatch.setattr(api.ApiReader, "call", call)
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan([_c("logs")], ["123456789012"], (REGION,)), {"123456789012": factory}, (REGION,)
    )
    groups_read = inventory.of_type("AWS::Logs::LogGroup")
    assert len(groups_read) == 3
    assert all(isinstance(g.properties["Tags"], Unresolved) for g in groups_read)
    assert [g.operation for g in inventory.gaps] == ["list_tags_for_resource"] * 3
    # the key rule does not read tags: its verdicts stand
    assert verdicts([_c("logs")], "logs_group_kms_encrypted")["/app/audit"] is P


def test_sensitive_groups_and_volumes_need_a_customer_managed_key(groups: Any) -> None:
    from wasp.collect.ec2 import Ec2Collector

    ec2 = boto3.client("ec2", region_name=REGION)
    tag = [{"ResourceType": "volume", "Tags": [{"Key": "data-classification", "Value": "restricted"}]}]
    # moto's default aws/ebs key reports KeyManager CUSTOMER (docs/emulator-gaps.md): the failing volume is unencrypted
    plain = ec2.create_volume(AvailabilityZone=f"{REGION}a", Size=1, Encrypted=False, TagSpecifications=tag)
    key = boto3.client("kms", region_name=REGION).create_key()["KeyMetadata"]["Arn"]
    cmk = ec2.create_volume(
        AvailabilityZone=f"{REGION}a", Size=1, Encrypted=True, KmsKeyId=key, TagSpecifications=tag
    )
    # /app/audit (restricted, CMK) passes, /app/web (confidential, no key) fails, the untagged group is out of scope
    assert verdicts([_c("logs"), _c("kms")], "logs_group_cmk_for_sensitive") == {
        "/app/audit": P,
        "/app/web": F,
    }
    assert verdicts([Ec2Collector(), _c("kms")], "ebs_volume_cmk_for_sensitive") == {
        plain["VolumeId"]: F,
        cmk["VolumeId"]: P,
    }
    # SNS topics are collected with their tags: an untagged topic holds no classified data, so it is out of scope
    boto3.client("sns", region_name=REGION).create_topic(Name="orders")
    assert verdicts([_c("sns"), _c("kms")], "sns_topic_cmk_for_sensitive") == {}
