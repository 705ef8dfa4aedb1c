"""Redshift ``aws_*`` types in CloudFormation shape; ``aws_redshift_logging`` folds into its cluster."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.shapes import Props, Values, block, blocks, pick, tags, truthy

_CLUSTER = {
    "cluster_identifier": "ClusterIdentifier",
    "encrypted": "Encrypted",
    "kms_key_id": "KmsKeyId",
    "publicly_accessible": "PubliclyAccessible",
    "enhanced_vpc_routing": "EnhancedVpcRouting",
    "cluster_subnet_group_name": "ClusterSubnetGroupName",
    "allow_version_upgrade": "AllowVersionUpgrade",
    "automated_snapshot_retention_period": "AutomatedSnapshotRetentionPeriod",
    "master_username": "MasterUsername",
    "database_name": "DBName",
    "cluster_parameter_group_name": "ClusterParameterGroupName",
}
_LOGGING = {
    "bucket_name": "BucketName",
    "log_destination_type": "LogDestinationType",
    "s3_key_prefix": "S3KeyPrefix",
}


def cluster(v: Values) -> Props:
    """``aws_redshift_cluster`` as ``AWS::Redshift::Cluster`` (the legacy inline ``logging`` block included)."""
    props = pick(v, _CLUSTER)
    logging = block(v.get("logging"))
    if logging and truthy(logging.get("enable")) is not False:
        props["LoggingProperties"] = pick(logging, _LOGGING)
    return {**props, "Tags": tags(v.get("tags"))}


def parameter_group(v: Values) -> Props:
    """``aws_redshift_parameter_group`` as ``AWS::Redshift::ClusterParameterGroup``."""
    props = pick(v, {"name": "ParameterGroupName", "family": "ParameterGroupFamily"})
    props["Parameters"] = [
        {"ParameterName": p.get("name"), "ParameterValue": p.get("value")} for p in blocks(v.get("parameter"))
    ]
    return {**props, "Tags": tags(v.get("tags"))}


def _logging(props: Props, v: Values) -> None:
    props["LoggingProperties"] = pick(v, _LOGGING)


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_redshift_cluster": ("AWS::Redshift::Cluster", cluster),
    "aws_redshift_parameter_group": ("AWS::Redshift::ClusterParameterGroup", parameter_group),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""

FOLDS = {"aws_redshift_logging": Fold("cluster_identifier", ("aws_redshift_cluster",), _logging)}
"""Split resources folded into the cluster they belong to."""
