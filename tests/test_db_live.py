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

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
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


@pytest.mark.usefixtures("aws")
def test_search_cache_streaming_and_messaging_collectors_decide_the_rules_live() -> None:
    from wasp.collect.elasticache import ElastiCacheCollector
    from wasp.collect.memorydb import MemoryDbCollector
    from wasp.collect.mq import MqCollector
    from wasp.collect.msk import MskCollector
    from wasp.collect.opensearch import OpenSearchCollector

    search = boto3.client("opensearch", region_name=REGION)
    search.create_domain(
        DomainName="good",
        EncryptionAtRestOptions={"Enabled": True},
        NodeToNodeEncryptionOptions={"Enabled": True},
        DomainEndpointOptions={"EnforceHTTPS": True, "TLSSecurityPolicy": "Policy-Min-TLS-1-2-PFS-2023-10"},
    )
    search.create_domain(DomainName="bad")
    search.create_domain(DomainName="legacy", EngineVersion="Elasticsearch_7.10")
    seen = _run(
        OpenSearchCollector(),
        "opensearch_encrypted_at_rest",
        "opensearch_node_to_node_encryption",
        "opensearch_https_tls12",
        "elasticsearch_encrypted_at_rest",
    )
    for rule in (
        "opensearch_encrypted_at_rest",
        "opensearch_node_to_node_encryption",
        "opensearch_https_tls12",
    ):
        assert (seen[(rule, "good")], seen[(rule, "bad")]) == (P, F), rule
    assert seen[("elasticsearch_encrypted_at_rest", "legacy")] is F
    assert ("opensearch_encrypted_at_rest", "legacy") not in seen

    cache = boto3.client("elasticache", region_name=REGION)
    common = {"ReplicationGroupDescription": "d", "Engine": "redis", "CacheNodeType": "cache.t3.small"}
    cache.create_replication_group(
        ReplicationGroupId="good", AtRestEncryptionEnabled=True, TransitEncryptionEnabled=True, **common
    )
    cache.create_replication_group(ReplicationGroupId="bad", **common)
    cache.create_replication_group(
        ReplicationGroupId="token",
        TransitEncryptionEnabled=True,
        AuthToken="not-a-real-token-0123456789",
        **common,
    )
    cache.create_cache_cluster(
        CacheClusterId="backed", Engine="redis", CacheNodeType="cache.t3.small", SnapshotRetentionLimit=7
    )
    cache.create_cache_cluster(CacheClusterId="bare", Engine="redis", CacheNodeType="cache.t3.small")
    seen = _run(
        ElastiCacheCollector(),
        "elasticache_encrypted_at_rest",
        "elasticache_encrypted_in_transit",
        "elasticache_auth",
        "elasticache_backups",
        "elasticache_auto_minor_version_upgrade",
    )
    for rule in ("elasticache_encrypted_at_rest", "elasticache_encrypted_in_transit"):
        assert (seen[(rule, "good")], seen[(rule, "bad")]) == (P, F), rule
    assert seen[("elasticache_auth", "good")] is F  # TLS on, but no token and no user group
    assert seen[("elasticache_auth", "token")] is P  # only AuthTokenEnabled is read, never the token
    assert (seen[("elasticache_backups", "backed")], seen[("elasticache_backups", "bare")]) == (P, F)
    assert seen[("elasticache_auto_minor_version_upgrade", "bare")] is U  # moto omits the field

    memory = boto3.client("memorydb", region_name=REGION)
    memory.create_cluster(
        ClusterName="plain", NodeType="db.t4g.small", ACLName="open-access", TLSEnabled=False
    )
    memory.create_cluster(ClusterName="tls", NodeType="db.t4g.small", ACLName="open-access")
    seen = _run(MemoryDbCollector(), "memorydb_tls_enabled")
    assert (seen[("memorydb_tls_enabled", "tls")], seen[("memorydb_tls_enabled", "plain")]) == (P, F)

    kafka = boto3.client("kafka", region_name=REGION)
    for name, access in (("private", "DISABLED"), ("public", "SERVICE_PROVIDED_EIPS")):
        kafka.create_cluster_v2(
            ClusterName=name,
            Provisioned={
                "BrokerNodeGroupInfo": {
                    "InstanceType": "kafka.m5.large",
                    "ClientSubnets": ["subnet-a", "subnet-b"],
                    "ConnectivityInfo": {"PublicAccess": {"Type": access}},
                },
                "KafkaVersion": "3.6.0",
                "NumberOfBrokerNodes": 2,
            },
        )
    seen = _run(MskCollector(), "msk_not_public", "msk_broker_logging", "msk_client_authentication")
    assert (seen[("msk_not_public", "private")], seen[("msk_not_public", "public")]) == (P, F)
    assert seen[("msk_broker_logging", "private")] is F
    assert seen[("msk_client_authentication", "private")] is F  # no mechanism configured

    mq = boto3.client("mq", region_name=REGION)
    ids = {}
    for name, public in (("private", False), ("public", True)):
        ids[name] = mq.create_broker(
            BrokerName=name,
            EngineType="ACTIVEMQ",
            EngineVersion="5.18",
            HostInstanceType="mq.t3.micro",
            DeploymentMode="SINGLE_INSTANCE",
            PubliclyAccessible=public,
            AutoMinorVersionUpgrade=not public,
            Users=[{"Username": "app", "Password": "not-a-real-secret"}],
            Logs={"General": True, "Audit": not public},
        )["BrokerId"]
    seen = _run(MqCollector(), "mq_not_public", "mq_logging", "mq_auto_minor_version_upgrade")
    for rule in ("mq_not_public", "mq_logging", "mq_auto_minor_version_upgrade"):
        assert (seen[(rule, ids["private"])], seen[(rule, ids["public"])]) == (P, F), rule


def test_a_denied_broker_describe_leaves_that_broker_unknown() -> None:
    from wasp.collect.mq import MqCollector

    factory = _Stubbed()
    factory.client("mq", REGION)
    stub = factory.stubbers["mq"]
    stub.add_response(
        "list_brokers",
        {
            "BrokerSummaries": [
                {
                    "BrokerId": "b-1",
                    "BrokerName": "orders",
                    "DeploymentMode": "SINGLE_INSTANCE",
                    "EngineType": "ACTIVEMQ",
                }
            ]
        },
    )
    stub.add_client_error("describe_broker", "ForbiddenException", http_status_code=403)
    inventory, _ = collect(plan([MqCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    rules = ("mq_not_public", "mq_logging", "mq_auto_minor_version_upgrade")
    ev = evaluate(tuple(RULES[r] for r in rules), inventory, ctx, observed_at=NOW)
    assert {f.rule: f.status for f in ev.findings} == dict.fromkeys(rules, U)


def test_an_opensearch_setting_missing_from_the_answer_is_unknown() -> None:
    from wasp.collect.opensearch import domain_properties

    props = domain_properties({"DomainName": "d", "EngineVersion": "OpenSearch_2.11"})
    assert isinstance(props["EncryptionAtRestOptions"], Unresolved)
    assert "VPCOptions" not in props  # a public domain has none: opensearch_in_vpc fails on it, as it should


@pytest.mark.usefixtures("aws")
def test_postgres_statement_logging_is_read_from_the_parameter_group_live() -> None:
    rds = boto3.client("rds", region_name=REGION)
    rds.create_db_parameter_group(
        DBParameterGroupName="logged", DBParameterGroupFamily="postgres16", Description="l"
    )
    rds.modify_db_parameter_group(
        DBParameterGroupName="logged",
        Parameters=[{"ParameterName": "log_statement", "ParameterValue": "ddl", "ApplyMethod": "immediate"}],
    )
    for name, group in (("good", {"DBParameterGroupName": "logged"}), ("bad", {})):
        rds.create_db_instance(
            DBInstanceIdentifier=name,
            Engine="postgres",
            DBInstanceClass="db.t3.micro",
            MasterUsername="u",
            MasterUserPassword="Not-A-Real-Secret-9",
            AllocatedStorage=20,
            **group,
        )
    seen = _verdicts("rds_postgres_statement_logging", "rds_tls_enforced")
    assert (
        seen[("rds_postgres_statement_logging", "good")],
        seen[("rds_postgres_statement_logging", "bad")],
    ) == (P, F)


@pytest.mark.usefixtures("aws")
def test_global_clusters_are_read_once_in_scope() -> None:
    rds = boto3.client("rds", region_name=REGION)
    rds.create_global_cluster(
        GlobalClusterIdentifier="plain", Engine="aurora-postgresql", StorageEncrypted=False
    )
    rds.create_global_cluster(
        GlobalClusterIdentifier="sealed", Engine="aurora-postgresql", StorageEncrypted=True
    )
    seen = _verdicts("rds_global_cluster_encrypted")
    assert seen == {
        ("rds_global_cluster_encrypted", "sealed"): P,
        ("rds_global_cluster_encrypted", "plain"): F,
    }
