"""DynamoDB point-in-time recovery read live: on, off, and a denied read that leaves the verdict unknown."""

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
RULE = [r for r in load_rules() if r.id == "dynamodb_point_in_time_recovery"]


def _verdicts() -> dict[str, str]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan(select_collectors(["dynamodb"]), [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    now = datetime(2026, 11, 28, tzinfo=UTC)
    found = evaluate(RULE, inventory, RuleContext(inventory=inventory, now=now), observed_at=now)
    return {f.resource.id: f.status.value for f in found.findings}


def _tables() -> None:
    client = boto3.client("dynamodb", region_name=REGION)
    for name in ("plain", "recoverable"):
        client.create_table(
            TableName=name,
            BillingMode="PAY_PER_REQUEST",
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        )
    client.update_continuous_backups(
        TableName="recoverable", PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True}
    )


def test_pitr_read_live() -> None:
    from moto import mock_aws

    with mock_aws():
        _tables()
        assert _verdicts() == {"plain": "fail", "recoverable": "pass"}


def test_denied_pitr_read_is_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    from moto import mock_aws

    from wasp.collect import api

    real = api.ApiReader.call

    def call(self: api.ApiReader, operation: str, **kwargs: object) -> object:
        if operation == "describe_continuous_backups":
            error = {"Error": {"Code": "AccessDeniedException", "Message": "denied"}}
            raise self._fail(ClientError(error, operation), "dynamodb", operation, self.region, None, ())  # type: ignore[arg-type]
        return real(self, operation, **kwargs)  # type: ignore[arg-type]

    with mock_aws():
        _tables()
        monkeypatch.setattr(api.ApiReader, "call", call)
        assert _verdicts() == {"plain": "unknown", "recoverable": "unknown"}
