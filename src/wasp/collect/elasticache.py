"""ElastiCache replication groups and cache clusters in one region."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource, Unresolved

GROUP = "AWS::ElastiCache::ReplicationGroup"
CACHE = "AWS::ElastiCache::CacheCluster"


def _known(described: dict[str, Any], key: str, service_call: str) -> Any:
    return described[key] if key in described else Unresolved(f"{key} was not in the {service_call} answer")


class ElastiCacheCollector(Collector):
    """Replication groups (encryption at rest and in transit, authentication) and cache clusters (backups,
    minor upgrades). The AUTH token itself is never read: only whether one is set."""

    name = "elasticache"
    service = "elasticache"
    resource_types = (GROUP, CACHE)
    permissions = ("elasticache:DescribeReplicationGroups", "elasticache:DescribeCacheClusters")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Two paginated listings carry every setting the rules read."""
        origin = live(api, api.region)
        for group in api.pages("describe_replication_groups", "ReplicationGroups", affects=(GROUP,)):
            props: dict[str, Any] = {
                "ReplicationGroupId": group["ReplicationGroupId"],
                "Engine": group.get("Engine", "redis"),
                "AtRestEncryptionEnabled": _known(
                    group, "AtRestEncryptionEnabled", "DescribeReplicationGroups"
                ),
                "TransitEncryptionEnabled": _known(
                    group, "TransitEncryptionEnabled", "DescribeReplicationGroups"
                ),
                "KmsKeyId": group.get("KmsKeyId"),
                "UserGroupIds": list(group.get("UserGroupIds") or []),
            }
            if group.get("AuthTokenEnabled"):
                props["AuthToken"] = "(set)"
            yield Resource(
                type=GROUP,
                id=group["ReplicationGroupId"],
                arn=group.get("ARN"),
                origin=origin,
                properties=props,
            )
        for cache in api.pages("describe_cache_clusters", "CacheClusters", affects=(CACHE,)):
            yield Resource(
                type=CACHE,
                id=cache["CacheClusterId"],
                arn=cache.get("ARN"),
                origin=origin,
                properties={
                    "ClusterName": cache["CacheClusterId"],
                    "Engine": cache.get("Engine"),
                    "ReplicationGroupId": cache.get("ReplicationGroupId"),
                    "CacheSubnetGroupName": _known(cache, "CacheSubnetGroupName", "DescribeCacheClusters"),
                    "SnapshotRetentionLimit": cache.get("SnapshotRetentionLimit", 0),
                    "AutoMinorVersionUpgrade": _known(
                        cache, "AutoMinorVersionUpgrade", "DescribeCacheClusters"
                    ),
                },
            )
