"""RDS ``aws_*`` types beside the instance and cluster (in storage.py): Aurora members, parameter groups."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, blocks, pick, tags

_MEMBER = {
    "identifier": "DBInstanceIdentifier",
    "cluster_identifier": "DBClusterIdentifier",
    "engine": "Engine",
    "publicly_accessible": "PubliclyAccessible",
    "monitoring_interval": "MonitoringInterval",
    "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
    "ca_cert_identifier": "CACertificateIdentifier",
    "db_parameter_group_name": "DBParameterGroupName",
    "performance_insights_enabled": "EnablePerformanceInsights",
    "performance_insights_kms_key_id": "PerformanceInsightsKMSKeyId",
    "copy_tags_to_snapshot": "CopyTagsToSnapshot",
}


def cluster_instance(v: Values) -> Props:
    """``aws_rds_cluster_instance`` as the ``AWS::RDS::DBInstance`` member of a cluster."""
    props = pick(v, _MEMBER)
    props.setdefault("PubliclyAccessible", False)
    return {**props, "Tags": tags(v.get("tags"))}


def _parameters(v: Values) -> dict[str, object]:
    """``parameter { name value }`` blocks as CloudFormation's ``Parameters`` map."""
    return {str(p.get("name")): p.get("value") for p in blocks(v.get("parameter")) if p.get("name")}


def parameter_group(v: Values) -> Props:
    """``aws_db_parameter_group`` as ``AWS::RDS::DBParameterGroup``."""
    props = pick(v, {"name": "DBParameterGroupName", "family": "Family"})
    return {**props, "Parameters": _parameters(v), "Tags": tags(v.get("tags"))}


def cluster_parameter_group(v: Values) -> Props:
    """``aws_rds_cluster_parameter_group`` as ``AWS::RDS::DBClusterParameterGroup``."""
    props = pick(v, {"name": "DBClusterParameterGroupName", "family": "Family"})
    return {**props, "Parameters": _parameters(v), "Tags": tags(v.get("tags"))}


def global_cluster(v: Values) -> Props:
    """``aws_rds_global_cluster`` as ``AWS::RDS::GlobalCluster``."""
    props = pick(
        v,
        {
            "global_cluster_identifier": "GlobalClusterIdentifier",
            "engine": "Engine",
            "source_db_cluster_identifier": "SourceDBClusterIdentifier",
            "storage_encrypted": "StorageEncrypted",
        },
    )
    return props


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_rds_cluster_instance": ("AWS::RDS::DBInstance", cluster_instance),
    "aws_db_parameter_group": ("AWS::RDS::DBParameterGroup", parameter_group),
    "aws_rds_cluster_parameter_group": ("AWS::RDS::DBClusterParameterGroup", cluster_parameter_group),
    "aws_rds_global_cluster": ("AWS::RDS::GlobalCluster", global_cluster),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
