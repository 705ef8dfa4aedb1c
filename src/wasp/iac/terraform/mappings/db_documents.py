"""DocumentDB and Neptune ``aws_*`` types in CloudFormation shape."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, blocks, pick, tags

_CLUSTER = {
    "cluster_identifier": "DBClusterIdentifier",
    "engine": "Engine",
    "storage_encrypted": "StorageEncrypted",
    "kms_key_id": "KmsKeyId",
    "deletion_protection": "DeletionProtection",
    "backup_retention_period": "BackupRetentionPeriod",
    "enabled_cloudwatch_logs_exports": "EnableCloudwatchLogsExports",
    "db_cluster_parameter_group_name": "DBClusterParameterGroupName",
}


def docdb_cluster(v: Values) -> Props:
    """``aws_docdb_cluster`` as ``AWS::DocDB::DBCluster``."""
    return {**pick(v, _CLUSTER), "Tags": tags(v.get("tags"))}


def docdb_parameter_group(v: Values) -> Props:
    """``aws_docdb_cluster_parameter_group`` as ``AWS::DocDB::DBClusterParameterGroup``."""
    props = pick(v, {"name": "Name", "family": "Family"})
    props["Parameters"] = {
        str(p.get("name")): p.get("value") for p in blocks(v.get("parameter")) if p.get("name")
    }
    return {**props, "Tags": tags(v.get("tags"))}


def neptune_cluster(v: Values) -> Props:
    """``aws_neptune_cluster`` as ``AWS::Neptune::DBCluster``."""
    props = pick(
        v,
        {
            **_CLUSTER,
            "kms_key_arn": "KmsKeyId",
            "iam_database_authentication_enabled": "IamAuthEnabled",
            "enable_cloudwatch_logs_exports": "EnableCloudwatchLogsExports",
            "neptune_cluster_parameter_group_name": "DBClusterParameterGroupName",
            "copy_tags_to_snapshot": "CopyTagsToSnapshot",
        },
    )
    return {**props, "Tags": tags(v.get("tags"))}


def neptune_instance(v: Values) -> Props:
    """``aws_neptune_cluster_instance`` as ``AWS::Neptune::DBInstance`` (public access only Terraform can set)."""
    props = pick(
        v,
        {
            "identifier": "DBInstanceIdentifier",
            "cluster_identifier": "DBClusterIdentifier",
            "publicly_accessible": "PubliclyAccessible",
        },
    )
    props.setdefault("PubliclyAccessible", False)
    return {**props, "Tags": tags(v.get("tags"))}


def docdb_global_cluster(v: Values) -> Props:
    """``aws_docdb_global_cluster`` as ``AWS::DocDB::GlobalCluster``."""
    return pick(
        v,
        {
            "global_cluster_identifier": "GlobalClusterIdentifier",
            "engine": "Engine",
            "source_db_cluster_identifier": "SourceDBClusterIdentifier",
            "storage_encrypted": "StorageEncrypted",
        },
    )


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_docdb_cluster": ("AWS::DocDB::DBCluster", docdb_cluster),
    "aws_docdb_global_cluster": ("AWS::DocDB::GlobalCluster", docdb_global_cluster),
    "aws_docdb_cluster_parameter_group": ("AWS::DocDB::DBClusterParameterGroup", docdb_parameter_group),
    "aws_neptune_cluster": ("AWS::Neptune::DBCluster", neptune_cluster),
    "aws_neptune_cluster_instance": ("AWS::Neptune::DBInstance", neptune_instance),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
