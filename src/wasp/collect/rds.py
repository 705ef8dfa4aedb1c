"""RDS in one region: instances, clusters and the TLS-enforcing parameters of their parameter groups.

The RDS API also lists DocumentDB and Neptune clusters (engine ``docdb`` / ``neptune``): they become
``AWS::DocDB::DBCluster`` (with their cluster parameter group's ``tls`` and ``audit_logs``) and
``AWS::Neptune::DBCluster``, so their rules decide live from the same call."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import SUPPLEMENTARY, Origin, Resource, Unresolved

INSTANCE = "AWS::RDS::DBInstance"
CLUSTER = "AWS::RDS::DBCluster"
DOCDB = "AWS::DocDB::DBCluster"
DOCDB_GROUP = "AWS::DocDB::DBClusterParameterGroup"
NEPTUNE = "AWS::Neptune::DBCluster"
GLOBAL = "AWS::RDS::GlobalCluster"
DOCDB_GLOBAL = "AWS::DocDB::GlobalCluster"
DOCDB_PARAMETERS = ("tls", "audit_logs")
TLS_PARAMETERS = ("rds.force_ssl", "require_secure_transport")
LOG_PARAMETERS = ("log_statement", "pgaudit.log")

_INSTANCE_FIELDS = {
    "EngineVersion": "EngineVersion",
    "IAMDatabaseAuthenticationEnabled": "EnableIAMDatabaseAuthentication",
    "DeletionProtection": "DeletionProtection",
    "MonitoringInterval": "MonitoringInterval",
    "BackupRetentionPeriod": "BackupRetentionPeriod",
    "AutoMinorVersionUpgrade": "AutoMinorVersionUpgrade",
    "CACertificateIdentifier": "CACertificateIdentifier",
    "CopyTagsToSnapshot": "CopyTagsToSnapshot",
    "PerformanceInsightsEnabled": "EnablePerformanceInsights",
}
"""DescribeDBInstances keys -> the template property names the rules read."""
_CLUSTER_FIELDS = {
    "EngineVersion": "EngineVersion",
    "IAMDatabaseAuthenticationEnabled": "EnableIAMDatabaseAuthentication",
    "DeletionProtection": "DeletionProtection",
    "BackupRetentionPeriod": "BackupRetentionPeriod",
    "CopyTagsToSnapshot": "CopyTagsToSnapshot",
}

_DOCUMENT_FIELDS = {
    "DeletionProtection": "DeletionProtection",
    "BackupRetentionPeriod": "BackupRetentionPeriod",
}
_GRAPH_FIELDS = {
    "IAMDatabaseAuthenticationEnabled": "IamAuthEnabled",
    "DeletionProtection": "DeletionProtection",
    "BackupRetentionPeriod": "BackupRetentionPeriod",
    "CopyTagsToSnapshot": "CopyTagsToSnapshot",
}


def _settings(described: dict[str, Any], fields: dict[str, str]) -> dict[str, Any]:
    """The described settings under their template names; one the response lacks stays unknown, never a default.

    ``EnabledCloudwatchLogsExports`` is left out of the response when nothing is exported, so absent means none.
    """
    out: dict[str, Any] = {
        prop: described[key] if key in described else Unresolved(f"{key} was not in the RDS response")
        for key, prop in fields.items()
    }
    out["EnableCloudwatchLogsExports"] = list(described.get("EnabledCloudwatchLogsExports") or [])
    return out


def _split(params: Any) -> dict[str, Any]:
    """A group's parameters as the two facts the rules read (an unknown read stays unknown in both)."""
    if not isinstance(params, dict):
        return {"TlsParameters": params, "LogParameters": params}
    return {
        "TlsParameters": {k: v for k, v in params.items() if k in TLS_PARAMETERS},
        "LogParameters": {k: v for k, v in params.items() if k in LOG_PARAMETERS},
    }


class RdsCollector(Collector):
    """Instances and clusters with encryption, exposure, TLS enforcement, authentication, logging and recovery
    settings (all from the two Describe calls)."""

    name = "rds"
    service = "rds"
    resource_types = (INSTANCE, CLUSTER, DOCDB, DOCDB_GROUP, NEPTUNE, GLOBAL, DOCDB_GLOBAL)
    permissions = (
        "rds:DescribeDBInstances",
        "rds:DescribeDBClusters",
        "rds:DescribeDBParameters",
        "rds:DescribeDBClusterParameters",
        "rds:DescribeGlobalClusters",
    )

    def _params(self, api: ApiReader, group: str | None, cluster: bool) -> Any:
        """The TLS and statement-logging parameters of a custom parameter group (a default group overrides
        nothing: {}); a failed read is unknown."""
        if not group or group.startswith("default."):
            return {}
        op, key, arg = (
            ("describe_db_cluster_parameters", "Parameters", "DBClusterParameterGroupName")
            if cluster
            else ("describe_db_parameters", "Parameters", "DBParameterGroupName")
        )
        try:
            params_in: dict[str, Any] = {arg: group}
            params = (
                api.call(op, resource_id=group, **params_in, affects=(CLUSTER if cluster else INSTANCE,))
                or {}
            )
        except CallFailed as failed:
            return failed.unresolved
        return {
            p["ParameterName"]: p.get("ParameterValue")
            for p in params.get(key, [])
            if p.get("ParameterName") in (*TLS_PARAMETERS, *LOG_PARAMETERS)
            and p.get("ParameterValue") is not None
        }

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Instances then clusters; one parameter read per custom parameter group."""
        origin = live(api, api.region)
        cache: dict[tuple[str, bool], Any] = {}
        for db in api.pages("describe_db_instances", "DBInstances", affects=(INSTANCE,)):
            groups = [g.get("DBParameterGroupName") for g in db.get("DBParameterGroups", [])]
            group = groups[0] if groups else None
            if (group or "", False) not in cache:
                cache[(group or "", False)] = self._params(api, group, False)
            yield Resource(
                type=INSTANCE,
                id=db["DBInstanceIdentifier"],
                arn=db.get("DBInstanceArn"),
                origin=origin,
                properties={
                    "DBInstanceIdentifier": db["DBInstanceIdentifier"],
                    "Engine": db.get("Engine"),
                    "StorageEncrypted": bool(db.get("StorageEncrypted")),
                    "KmsKeyId": db.get("KmsKeyId"),
                    "PubliclyAccessible": bool(db.get("PubliclyAccessible")),
                    "DBParameterGroupName": group,
                    "DBClusterIdentifier": db.get("DBClusterIdentifier"),
                    **_settings(db, _INSTANCE_FIELDS),
                    "PerformanceInsightsKMSKeyId": db.get("PerformanceInsightsKMSKeyId"),
                    "Tags": tags_from(db.get("TagList")),
                    SUPPLEMENTARY: _split(cache[(group or "", False)]),
                },
            )
        docdb_groups: set[str] = set()
        for cl in api.pages("describe_db_clusters", "DBClusters", affects=(CLUSTER, DOCDB, NEPTUNE)):
            engine = str(cl.get("Engine") or "")
            group = cl.get("DBClusterParameterGroup")
            if engine == "docdb":
                yield self._document_cluster(cl, origin)
                if group and group not in docdb_groups:
                    docdb_groups.add(group)
                    yield self._docdb_group(api, group, origin)
                continue
            if engine == "neptune":
                yield self._graph_cluster(cl, origin)
                continue
            if (group or "", True) not in cache:
                cache[(group or "", True)] = self._params(api, group, True)
            yield Resource(
                type=CLUSTER,
                id=cl["DBClusterIdentifier"],
                arn=cl.get("DBClusterArn"),
                origin=origin,
                properties={
                    "DBClusterIdentifier": cl["DBClusterIdentifier"],
                    "Engine": cl.get("Engine"),
                    "StorageEncrypted": bool(cl.get("StorageEncrypted")),
                    "KmsKeyId": cl.get("KmsKeyId"),
                    "DBClusterParameterGroupName": group,
                    **_settings(cl, _CLUSTER_FIELDS),
                    "Tags": tags_from(cl.get("TagList")),
                    SUPPLEMENTARY: _split(cache[(group or "", True)]),
                },
            )
        yield from self._global_clusters(api, origin)

    @staticmethod
    def _home(described: dict[str, Any], api: ApiReader) -> bool:
        """Whether this region reports a global cluster (every region lists it): its writer's region, or the
        first region in scope when it has no members yet."""
        for member in described.get("GlobalClusterMembers") or []:
            if member.get("IsWriter"):
                return bool(str(member.get("DBClusterArn", "")).split(":")[3:4] == [api.region])
        return api.region == sorted(api.scope_regions)[0]

    def _global_clusters(self, api: ApiReader, origin: Origin) -> Iterator[Resource]:
        """Aurora and DocumentDB global clusters, each once (in its writer's region)."""
        for described in api.pages(
            "describe_global_clusters", "GlobalClusters", affects=(GLOBAL, DOCDB_GLOBAL)
        ):
            if not self._home(described, api):
                continue
            yield Resource(
                type=DOCDB_GLOBAL if described.get("Engine") == "docdb" else GLOBAL,
                id=described["GlobalClusterIdentifier"],
                arn=described.get("GlobalClusterArn"),
                origin=origin,
                properties={
                    "GlobalClusterIdentifier": described["GlobalClusterIdentifier"],
                    "Engine": described.get("Engine"),
                    "StorageEncrypted": described.get(
                        "StorageEncrypted",
                        Unresolved("StorageEncrypted was not in the DescribeGlobalClusters answer"),
                    ),
                },
            )

    @staticmethod
    def _document_cluster(cl: dict[str, Any], origin: Origin) -> Resource:
        """A DocumentDB cluster (the RDS API lists them with engine docdb) as ``AWS::DocDB::DBCluster``."""
        return Resource(
            type=DOCDB,
            id=cl["DBClusterIdentifier"],
            arn=cl.get("DBClusterArn"),
            origin=origin,
            properties={
                "DBClusterIdentifier": cl["DBClusterIdentifier"],
                "StorageEncrypted": bool(cl.get("StorageEncrypted")),
                "KmsKeyId": cl.get("KmsKeyId"),
                "DBClusterParameterGroupName": cl.get("DBClusterParameterGroup"),
                **_settings(cl, _DOCUMENT_FIELDS),
                "Tags": tags_from(cl.get("TagList")),
            },
        )

    @staticmethod
    def _graph_cluster(cl: dict[str, Any], origin: Origin) -> Resource:
        """A Neptune cluster (the RDS API lists them with engine neptune) as ``AWS::Neptune::DBCluster``."""
        return Resource(
            type=NEPTUNE,
            id=cl["DBClusterIdentifier"],
            arn=cl.get("DBClusterArn"),
            origin=origin,
            properties={
                "DBClusterIdentifier": cl["DBClusterIdentifier"],
                "StorageEncrypted": bool(cl.get("StorageEncrypted")),
                "KmsKeyId": cl.get("KmsKeyId"),
                **_settings(cl, _GRAPH_FIELDS),
                "Tags": tags_from(cl.get("TagList")),
            },
        )

    @staticmethod
    def _docdb_group(api: ApiReader, group: str, origin: Origin) -> Resource:
        """A DocumentDB cluster parameter group with its ``tls`` and ``audit_logs`` values (engine defaults
        included: the API lists every parameter); a failed read leaves them unknown."""
        parameters: Any
        try:
            found = api.call(
                "describe_db_cluster_parameters",
                resource_id=group,
                DBClusterParameterGroupName=group,
                affects=(DOCDB_GROUP,),
            )
            parameters = {
                p["ParameterName"]: p.get("ParameterValue")
                for p in (found or {}).get("Parameters", [])
                if p.get("ParameterName") in DOCDB_PARAMETERS
            }
        except CallFailed as failed:
            parameters = failed.unresolved
        return Resource(
            type=DOCDB_GROUP, id=group, origin=origin, properties={"Name": group, "Parameters": parameters}
        )
