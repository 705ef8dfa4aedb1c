"""ElastiCache and MemoryDB ``aws_*`` types in CloudFormation shape."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, items, pick, tags

_GROUP = {
    "replication_group_id": "ReplicationGroupId",
    "engine": "Engine",
    "at_rest_encryption_enabled": "AtRestEncryptionEnabled",
    "transit_encryption_enabled": "TransitEncryptionEnabled",
    "kms_key_id": "KmsKeyId",
}


def replication_group(v: Values) -> Props:
    """``aws_elasticache_replication_group`` as ``AWS::ElastiCache::ReplicationGroup`` (the token only as set)."""
    props = pick(v, _GROUP)
    if v.get("auth_token") not in (None, ""):
        props["AuthToken"] = "(set)"  # never the token itself
    if v.get("user_group_ids") is not None:
        props["UserGroupIds"] = items(v.get("user_group_ids"))
    return {**props, "Tags": tags(v.get("tags"))}


def cache_cluster(v: Values) -> Props:
    """``aws_elasticache_cluster`` as ``AWS::ElastiCache::CacheCluster``."""
    props = pick(
        v,
        {
            "cluster_id": "ClusterName",
            "engine": "Engine",
            "replication_group_id": "ReplicationGroupId",
            "snapshot_retention_limit": "SnapshotRetentionLimit",
            "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
            "transit_encryption_enabled": "TransitEncryptionEnabled",
            "subnet_group_name": "CacheSubnetGroupName",
        },
    )
    return {**props, "Tags": tags(v.get("tags"))}


def memorydb(v: Values) -> Props:
    """``aws_memorydb_cluster`` as ``AWS::MemoryDB::Cluster``."""
    props = pick(v, {"name": "ClusterName", "tls_enabled": "TLSEnabled", "kms_key_arn": "KmsKeyId"})
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_elasticache_replication_group": ("AWS::ElastiCache::ReplicationGroup", replication_group),
    "aws_elasticache_cluster": ("AWS::ElastiCache::CacheCluster", cache_cluster),
    "aws_memorydb_cluster": ("AWS::MemoryDB::Cluster", memorydb),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
