"""Settings the session-6 coverage rules read live: copy tags to snapshots and the Performance Insights key.

moto leaves ``PerformanceInsightsEnabled`` out of DescribeDBInstances, so the instance read is stubbed with the
real API's shape; copying tags to snapshots is read from moto itself.
"""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from conftest import NOW, REGION
from test_db_live import ACCOUNT, _instance, _Stubbed, _verdicts
from wasp.collect.rds import RdsCollector
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model import FindingStatus
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

RULES = {r.id: r for r in load_rules()}
P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN
CMK = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


@pytest.mark.usefixtures("aws")
def test_copy_tags_to_snapshots_is_read_live() -> None:
    rds = boto3.client("rds", region_name=REGION)
    _instance(rds, "tagged", CopyTagsToSnapshot=True)
    _instance(rds, "untagged")
    seen = _verdicts("rds_instance_copy_tags")
    assert seen[("rds_instance_copy_tags", "tagged")] is P
    assert seen[("rds_instance_copy_tags", "untagged")] is F


def _db(name: str, **settings: Any) -> dict[str, Any]:
    return {
        "DBInstanceIdentifier": name,
        "DBInstanceArn": f"arn:aws:rds:{REGION}:{ACCOUNT}:db:{name}",
        "Engine": "postgres",
        "StorageEncrypted": True,
        "DBParameterGroups": [],
        **settings,
    }


def test_the_performance_insights_key_is_read_live_and_a_missing_flag_is_unknown() -> None:
    factory = _Stubbed()
    factory.client("rds", REGION)
    stub = factory.stubbers["rds"]
    stub.add_response(
        "describe_db_instances",
        {
            "DBInstances": [
                _db("keyed", PerformanceInsightsEnabled=True, PerformanceInsightsKMSKeyId=CMK),
                _db("aws-key", PerformanceInsightsEnabled=True, PerformanceInsightsKMSKeyId="alias/aws/rds"),
                _db("off", PerformanceInsightsEnabled=False),
                _db("unsaid"),
            ]
        },
    )
    stub.add_response("describe_db_clusters", {"DBClusters": []})
    stub.add_response("describe_global_clusters", {"GlobalClusters": []})
    inventory, _ = collect(plan([RdsCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    rule = RULES["rds_performance_insights_cmk"]
    # the rule weighs the account's keys: while they are not read, no verdict stands
    unread = evaluate((rule,), inventory, ctx, observed_at=NOW)
    assert {f.status for f in unread.findings} == {U}
    inventory.mark_collected("AWS::KMS::Key")  # read, and none listed (the CMK is in another account)
    ev = evaluate((rule,), inventory, ctx, observed_at=NOW)
    seen = {f.resource.id: f.status for f in ev.findings}
    assert seen == {
        "keyed": P,
        "aws-key": F,
        "unsaid": U,
    }  # "off" has no Performance Insights data to protect


@pytest.mark.usefixtures("aws")
def test_the_broker_engine_version_is_read_live() -> None:
    from test_db_live import _run
    from wasp.collect.mq import MqCollector

    mq = boto3.client("mq", region_name=REGION)
    for name, version in (("current", "5.18"), ("old", "5.15.16")):
        mq.create_broker(
            BrokerName=name,
            EngineType="ACTIVEMQ",
            EngineVersion=version,
            HostInstanceType="mq.m5.large",
            DeploymentMode="SINGLE_INSTANCE",
            PubliclyAccessible=False,
            AutoMinorVersionUpgrade=True,
            Users=[{"Username": "app", "Password": "Not-A-Real-Secret-9"}],
        )
    seen = sorted(_run(MqCollector(), "mq_engine_version_supported").values())
    assert seen == sorted([P, F])  # one broker on a supported line, one past end of support
