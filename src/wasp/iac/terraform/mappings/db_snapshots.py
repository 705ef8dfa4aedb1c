"""Database snapshots, snapshot copies, backup replications, replicas and activity streams.

CloudFormation has no resource for most of these, so they take ``WASP::`` types in a CloudFormation-like shape;
Redshift Serverless namespaces map to their CloudFormation type. A snapshot's encryption is its source cluster's,
so a cluster snapshot carries only the identifier that names its cluster.
"""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, items, pick, tags


def _renamed(**names: str) -> Callable[[Values], Props]:
    """A mapping that renames the given attributes (``tf=Name``)."""

    def mapping(v: Values) -> Props:
        return pick(v, names)

    return mapping


def db_snapshot(v: Values) -> Props:
    """``aws_db_snapshot`` as ``WASP::RDS::DBSnapshot``: its source instance and the accounts it is shared with."""
    props = pick(
        v,
        {"db_instance_identifier": "DBInstanceIdentifier", "db_snapshot_identifier": "DBSnapshotIdentifier"},
    )
    props["SharedAccounts"] = items(v.get("shared_accounts"))
    return props


def redshift_serverless_namespace(v: Values) -> Props:
    """``aws_redshiftserverless_namespace`` as ``AWS::RedshiftServerless::Namespace``."""
    props = pick(v, {"namespace_name": "NamespaceName", "kms_key_id": "KmsKeyId"})
    return {**props, "Tags": tags(v.get("tags"))}


_CLUSTER_SNAPSHOT = _renamed(
    db_cluster_identifier="DBClusterIdentifier", db_cluster_snapshot_identifier="DBClusterSnapshotIdentifier"
)

MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_db_snapshot": ("WASP::RDS::DBSnapshot", db_snapshot),
    "aws_db_cluster_snapshot": ("WASP::RDS::DBClusterSnapshot", _CLUSTER_SNAPSHOT),
    "aws_neptune_cluster_snapshot": ("WASP::Neptune::DBClusterSnapshot", _CLUSTER_SNAPSHOT),
    "aws_db_snapshot_copy": (
        "WASP::RDS::DBSnapshotCopy",
        _renamed(source_db_snapshot_identifier="SourceDBSnapshotIdentifier", kms_key_id="KmsKeyId"),
    ),
    "aws_db_instance_automated_backups_replication": (
        "WASP::RDS::AutomatedBackupsReplication",
        _renamed(source_db_instance_arn="SourceDBInstanceArn", kms_key_id="KmsKeyId"),
    ),
    "aws_rds_cluster_activity_stream": (
        "WASP::RDS::ActivityStream",
        _renamed(resource_arn="ResourceArn", kms_key_id="KmsKeyId", mode="Mode"),
    ),
    "aws_dynamodb_table_replica": (
        "WASP::DynamoDB::TableReplica",
        _renamed(global_table_arn="GlobalTableArn", kms_key_arn="KMSMasterKeyId"),
    ),
    "aws_memorydb_snapshot": (
        "WASP::MemoryDB::Snapshot",
        _renamed(cluster_name="ClusterName", name="SnapshotName", kms_key_arn="KmsKeyId"),
    ),
    "aws_redshift_snapshot_copy_grant": (
        "WASP::Redshift::SnapshotCopyGrant",
        _renamed(snapshot_copy_grant_name="SnapshotCopyGrantName", kms_key_id="KmsKeyId"),
    ),
    "aws_redshiftserverless_namespace": ("AWS::RedshiftServerless::Namespace", redshift_serverless_namespace),
}
"""Terraform type -> (type, properties from the Terraform values)."""
