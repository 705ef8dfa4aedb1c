"""Database settings read live (moto) decide the same rules as templates, and a missing field stays unknown."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from conftest import NOW, REGION
from wasp.collect.clients import ClientFactory
from wasp.collect.rds import CLUSTER, INSTANCE, RdsCollector, _settings
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model import FindingStatus, Unresolved
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

ACCOUNT = "123456789012"
RULES = {r.id: r for r in load_rules()}
P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN


def _verdicts(*rules: str) -> dict[tuple[str, str], FindingStatus]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(plan([RdsCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    ev = evaluate(tuple(RULES[r] for r in rules), inventory, ctx, observed_at=NOW)
    return {(f.rule, f.resource.id): f.status for f in ev.findings}


def _instance(rds: Any, name: str, **kw: Any) -> None:
    rds.create_db_instance(
        DBInstanceIdentifier=name,
        Engine="mysql",
        DBInstanceClass="db.t3.micro",
        MasterUsername="u",
        MasterUserPassword="Not-A-Real-Secret-9",
        AllocatedStorage=20,
        **kw,
    )


@pytest.mark.usefixtures("aws")
def test_instance_settings_decide_the_rules_live() -> None:
    rds = boto3.client("rds", region_name=REGION)
    _instance(
        rds,
        "good",
        EnableIAMDatabaseAuthentication=True,
        DeletionProtection=True,
        BackupRetentionPeriod=14,
        EnableCloudwatchLogsExports=["error", "audit"],
    )
    _instance(rds, "bad", AutoMinorVersionUpgrade=False)
    rules = (
        "rds_iam_authentication",
        "rds_deletion_protection",
        "rds_backup_retention",
        "rds_log_exports",
        "rds_auto_minor_version_upgrade",
    )
    seen = _verdicts(*rules)
    for rule in rules[:4]:
        assert (seen[(rule, "good")], seen[(rule, "bad")]) == (P, F), rule
    assert seen[("rds_auto_minor_version_upgrade", "good")] is P
    assert seen[("rds_auto_minor_version_upgrade", "bad")] is F


@pytest.mark.usefixtures("aws")
def test_cluster_settings_decide_the_rules_live() -> None:
    rds = boto3.client("rds", region_name=REGION)
    common = {"Engine": "aurora-mysql", "MasterUsername": "u", "MasterUserPassword": "Not-A-Real-Secret-9"}
    rds.create_db_cluster(
        DBClusterIdentifier="good",
        DeletionProtection=True,
        EnableIAMDatabaseAuthentication=True,
        BackupRetentionPeriod=7,
        EnableCloudwatchLogsExports=["audit"],
        **common,
    )
    rds.create_db_cluster(DBClusterIdentifier="bad", **common)
    rules = (
        "rds_cluster_deletion_protection",
        "rds_cluster_iam_authentication",
        "rds_cluster_backup_retention",
        "rds_cluster_log_exports",
    )
    seen = _verdicts(*rules)
    for rule in rules:
        assert (seen[(rule, "good")], seen[(rule, "bad")]) == (P, F), rule


def test_a_field_missing_from_the_response_is_unknown_not_a_default() -> None:
    got = _settings({"DeletionProtection": True}, {"DeletionProtection": "DeletionProtection", "X": "Y"})
    assert got["DeletionProtection"] is True
    assert isinstance(got["Y"], Unresolved)
    assert got["EnableCloudwatchLogsExports"] == []
    assert RdsCollector.resource_types == (INSTANCE, CLUSTER)
