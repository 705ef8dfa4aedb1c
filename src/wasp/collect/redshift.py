"""Redshift provisioned clusters in one region, their audit logging and their parameter groups' require_ssl."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import Origin, Resource, Unresolved

CLUSTER = "AWS::Redshift::Cluster"
GROUP = "AWS::Redshift::ClusterParameterGroup"
_FIELDS = (
    "Encrypted",
    "KmsKeyId",
    "PubliclyAccessible",
    "EnhancedVpcRouting",
    "AllowVersionUpgrade",
    "AutomatedSnapshotRetentionPeriod",
    "MasterUsername",
)
"""DescribeClusters keys that are also the template property names the rules read."""
_ALWAYS = frozenset(_FIELDS) - {"KmsKeyId"}
"""Keys every DescribeClusters answer carries: one missing stays unknown rather than defaulted."""


def _settings(cluster: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in _FIELDS:
        if key in cluster:
            out[key] = cluster[key]
        elif key in _ALWAYS:
            out[key] = Unresolved(f"{key} was not in the Redshift response")
    return out


class RedshiftCollector(Collector):
    """Clusters (encryption, exposure, routing, patching, snapshots, admin name, audit logging) and the
    require_ssl value of each parameter group a cluster uses."""

    name = "redshift"
    service = "redshift"
    resource_types = (CLUSTER, GROUP)
    permissions = (
        "redshift:DescribeClusters",
        "redshift:DescribeLoggingStatus",
        "redshift:DescribeClusterParameters",
    )

    def _logging(self, api: ApiReader, cluster_id: str) -> Any:
        """``LoggingProperties`` as a template writes it when audit logging is on, else None."""
        try:
            status = api.call(
                "describe_logging_status",
                resource_id=cluster_id,
                ClusterIdentifier=cluster_id,
                affects=(CLUSTER,),
            )
        except CallFailed as failed:
            return failed.unresolved
        if not (status or {}).get("LoggingEnabled"):
            return None
        return {
            k: status[k]
            for k in ("BucketName", "S3KeyPrefix", "LogDestinationType", "LogExports")
            if status and status.get(k)
        } or {"LoggingEnabled": True}

    def _group(self, api: ApiReader, name: str, origin: Origin) -> Resource:
        """A parameter group with its require_ssl value (every parameter is listed, defaults included)."""
        parameters: Any
        try:
            listed = api.pages(
                "describe_cluster_parameters",
                "Parameters",
                resource_id=name,
                ParameterGroupName=name,
                affects=(GROUP,),
            )
            parameters = [
                {"ParameterName": p.get("ParameterName"), "ParameterValue": p.get("ParameterValue")}
                for p in listed
                if p.get("ParameterName") == "require_ssl"
            ]
        except CallFailed as failed:
            parameters = failed.unresolved
        return Resource(
            type=GROUP,
            id=name,
            origin=origin,
            properties={"ParameterGroupName": name, "Parameters": parameters},
        )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One paginated cluster listing, one logging read per cluster, one parameter read per group."""
        origin = live(api, api.region)
        groups: set[str] = set()
        for cluster in api.pages("describe_clusters", "Clusters", affects=(CLUSTER,)):
            cid = cluster["ClusterIdentifier"]
            names = [g.get("ParameterGroupName") for g in cluster.get("ClusterParameterGroups", [])]
            props: dict[str, Any] = {
                "ClusterIdentifier": cid,
                **_settings(cluster),
                "ClusterSubnetGroupName": cluster.get("ClusterSubnetGroupName"),
                "ClusterParameterGroupName": names[0] if names else None,
                "Tags": tags_from(cluster.get("Tags")),
            }
            logging = self._logging(api, cid)
            if logging is not None:
                props["LoggingProperties"] = logging
            yield Resource(type=CLUSTER, id=cid, origin=origin, properties=props)
            for name in names:
                if name and name not in groups:
                    groups.add(name)
                    yield self._group(api, name, origin)
