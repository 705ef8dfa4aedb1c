"""Database settings read live (moto) decide the same rules as templates, and a missing field stays unknown."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from conftest import NOW, REGION
from wasp.collect.clients import ClientFactory
from wasp.collect.rds import CLUSTER, RdsCollector, _settings
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


class _Stubbed(ClientFactory):
    """Clients with a botocore Stubber: DocumentDB and Neptune clusters as the real RDS API lists them."""

    def __init__(self) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self.stubbers: dict[str, Stubber] = {}

    def client(self, service: str, region: str) -> Any:
        made = super().client(service, region)
        if service not in self.stubbers:
            self.stubbers[service] = Stubber(made)
            self.stubbers[service].activate()
        return made


def _cluster(name: str, engine: str, group: str, **settings: Any) -> dict[str, Any]:
    return {
        "DBClusterIdentifier": name,
        "DBClusterArn": f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster:{name}",
        "Engine": engine,
        "DBClusterParameterGroup": group,
        "StorageEncrypted": False,
        "BackupRetentionPeriod": 1,
        "DeletionProtection": False,
        "IAMDatabaseAuthenticationEnabled": False,
        **settings,
    }


def _docdb_neptune_inventory(group_read_fails: bool = False) -> Any:
    factory = _Stubbed()
    factory.client("rds", REGION)
    stub = factory.stubbers["rds"]
    stub.add_response("describe_db_instances", {"DBInstances": []})
    clusters = [
        _cluster(
            "docs-good",
            "docdb",
            "audited",
            StorageEncrypted=True,
            BackupRetentionPeriod=7,
            EnabledCloudwatchLogsExports=["audit", "profiler"],
        ),
        _cluster("docs-bad", "docdb", "default.docdb5.0"),
        _cluster(
            "graph-good",
            "neptune",
            "default.neptune1.3",
            StorageEncrypted=True,
            IAMDatabaseAuthenticationEnabled=True,
            DeletionProtection=True,
            BackupRetentionPeriod=7,
            EnabledCloudwatchLogsExports=["audit"],
        ),
        _cluster("graph-bad", "neptune", "default.neptune1.3"),
    ]
    stub.add_response("describe_db_clusters", {"DBClusters": clusters})
    stub.add_response(
        "describe_db_cluster_parameters",
        {
            "Parameters": [
                {"ParameterName": "tls", "ParameterValue": "enabled"},
                {"ParameterName": "audit_logs", "ParameterValue": "enabled"},
            ]
        },
        {"DBClusterParameterGroupName": "audited"},
    )
    if group_read_fails:
        stub.add_client_error(
            "describe_db_cluster_parameters", service_error_code="AccessDenied", http_status_code=403
        )
    else:
        stub.add_response(
            "describe_db_cluster_parameters",
            {
                "Parameters": [
                    {"ParameterName": "tls", "ParameterValue": "disabled"},
                    {"ParameterName": "audit_logs", "ParameterValue": "disabled"},
                    {"ParameterName": "profiler", "ParameterValue": "disabled"},
                ]
            },
            {"DBClusterParameterGroupName": "default.docdb5.0"},
        )
    inventory, _ = collect(plan([RdsCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    return inventory


def test_docdb_and_neptune_clusters_listed_by_rds_are_typed_and_decided() -> None:
    inventory = _docdb_neptune_inventory()
    assert not inventory.of_type(CLUSTER)
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    rules = [
        "docdb_encrypted",
        "docdb_backup_retention",
        "docdb_audit_log_export",
        "neptune_encrypted",
        "neptune_iam_authentication",
        "neptune_deletion_protection",
        "neptune_backup_retention",
        "neptune_audit_logs",
    ]
    ev = evaluate(tuple(RULES[r] for r in rules), inventory, ctx, observed_at=NOW)
    seen = {(f.rule, f.resource.id): f.status for f in ev.findings}
    for rule in rules:
        kind = "docs" if rule.startswith("docdb") else "graph"
        assert (seen[(rule, f"{kind}-good")], seen[(rule, f"{kind}-bad")]) == (P, F), rule
    groups = ("docdb_tls_enabled", "docdb_audit_logs_enabled")
    ev = evaluate(tuple(RULES[r] for r in groups), inventory, ctx, observed_at=NOW)
    seen = {(f.rule, f.resource.id): f.status for f in ev.findings}
    for rule in groups:
        assert (seen[(rule, "audited")], seen[(rule, "default.docdb5.0")]) == (P, F), rule


def test_a_denied_docdb_parameter_read_leaves_the_group_unknown() -> None:
    inventory = _docdb_neptune_inventory(group_read_fails=True)
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    ev = evaluate((RULES["docdb_tls_enabled"],), inventory, ctx, observed_at=NOW)
    seen = {f.resource.id: f.status for f in ev.findings}
    assert seen == {"audited": P, "default.docdb5.0": U}


def _run(collector: Any, *rules: str) -> dict[tuple[str, str], FindingStatus]:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(plan([collector], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    ev = evaluate(tuple(RULES[r] for r in rules), inventory, ctx, observed_at=NOW)
    return {(f.rule, f.resource.id): f.status for f in ev.findings}


@pytest.mark.usefixtures("aws")
def test_redshift_clusters_and_parameter_groups_decide_the_rules_live() -> None:
    redshift = boto3.client("redshift", region_name=REGION)
    common = {"NodeType": "ra3.xlplus", "ClusterType": "single-node", "MasterUserPassword": "Not-A-Secret-9"}
    redshift.create_cluster(
        ClusterIdentifier="good",
        MasterUsername="orders_dba",
        Encrypted=True,
        PubliclyAccessible=False,
        EnhancedVpcRouting=True,
        **common,
    )
    redshift.create_cluster(
        ClusterIdentifier="bad",
        MasterUsername="awsuser",
        Encrypted=False,
        PubliclyAccessible=True,
        AllowVersionUpgrade=False,
        AutomatedSnapshotRetentionPeriod=0,
        **common,
    )
    redshift.enable_logging(ClusterIdentifier="good", LogDestinationType="cloudwatch", LogExports=["userlog"])
    from wasp.collect.redshift import RedshiftCollector

    rules = (
        "redshift_encrypted",
        "redshift_not_public",
        "redshift_enhanced_vpc_routing",
        "redshift_not_default_admin_user",
        "redshift_version_upgrade",
        "redshift_audit_logging",
    )
    seen = _run(RedshiftCollector(), *rules, "redshift_require_ssl")
    for rule in rules:
        assert (seen[(rule, "good")], seen[(rule, "bad")]) == (P, F), rule
    assert seen[("redshift_require_ssl", "default.redshift-1.0")] is F  # the group both clusters use


@pytest.mark.parametrize("denied", [False, True])
def test_redshift_require_ssl_is_read_from_the_group_and_a_denied_read_is_unknown(denied: bool) -> None:
    from wasp.collect.redshift import RedshiftCollector

    factory = _Stubbed()
    factory.client("redshift", REGION)
    stub = factory.stubbers["redshift"]
    cluster = {
        "ClusterIdentifier": "c",
        "ClusterParameterGroups": [{"ParameterGroupName": "tls"}],
        "AutomatedSnapshotRetentionPeriod": 0,  # moto keeps 1 whatever is asked
    }
    stub.add_response("describe_clusters", {"Clusters": [cluster]})
    stub.add_response("describe_logging_status", {"LoggingEnabled": False}, {"ClusterIdentifier": "c"})
    if denied:
        stub.add_client_error("describe_cluster_parameters", "AccessDenied", http_status_code=403)
    else:
        stub.add_response(
            "describe_cluster_parameters",
            {"Parameters": [{"ParameterName": "require_ssl", "ParameterValue": "true"}]},
            {"ParameterGroupName": "tls"},
        )
    inventory, _ = collect(plan([RedshiftCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    rules = ("redshift_require_ssl", "redshift_encrypted", "redshift_automated_snapshots")
    ev = evaluate(tuple(RULES[r] for r in rules), inventory, ctx, observed_at=NOW)
    seen = {(f.rule, f.resource.id): f.status for f in ev.findings}
    assert seen[("redshift_require_ssl", "tls")] is (U if denied else P)
    assert seen[("redshift_encrypted", "c")] is U  # a field missing from the answer is never defaulted
    assert seen[("redshift_automated_snapshots", "c")] is F
