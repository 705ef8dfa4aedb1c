"""The cluster a snapshot was taken from: its encryption is the snapshot's.

Terraform's ``aws_db_cluster_snapshot`` and ``aws_neptune_cluster_snapshot`` cannot set encryption: a snapshot
is encrypted, with the same key, exactly when its source cluster is. The snapshot names the cluster by its
identifier or by a reference (``aws_rds_cluster.orders.id`` stands for the cluster's address before apply).
"""

from __future__ import annotations

from wasp.model import FindingStatus, Resource
from wasp.model.rule import (
    Example,
    NeighbourView,
    ResourceView,
    RuleContext,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._shape import flag, text


def source_cluster(view: ResourceView, ctx: RuleContext, cluster_type: str) -> NeighbourView | None:
    """The snapshot's source cluster in the same configuration, or None when it is declared elsewhere.

    Raises UnresolvedRead when the identifier itself is unknown, WrongType when it is not a string."""
    wanted = text(view, "DBClusterIdentifier")
    if not wanted:
        return None
    found = next((c for c in ctx.inventory.of_type(cluster_type) if _names(c, str(wanted))), None)
    return view.neighbour(found) if found is not None else None


def _names(cluster: Resource, wanted: str) -> bool:
    """The cluster is the one ``wanted`` names (its address, logical id or identifier)."""
    identifier = cluster.properties.get("DBClusterIdentifier")
    return wanted in (cluster.origin.address, cluster.id) or (
        isinstance(identifier, str) and identifier == wanted
    )


def encrypted_as_source(view: ResourceView, ctx: RuleContext, cluster_type: str) -> Verdict:
    """The snapshot is encrypted exactly when its source cluster in the same configuration is; a source
    declared elsewhere is unknown."""
    cluster = source_cluster(view, ctx, cluster_type)
    if cluster is None:
        return unknown(f"the source cluster of snapshot {view.id} is not in this configuration")
    if flag(cluster, "StorageEncrypted", False):
        return passed("taken from an encrypted cluster")
    return failed(f"snapshot {view.id} is of an unencrypted cluster {cluster.resource.id}")


def encrypted_examples(snapshot_type: str, cluster_type: str) -> tuple[Example, ...]:
    """Examples of :func:`encrypted_as_source`: an encrypted, an unencrypted and an absent source cluster."""
    cases = tuple(
        Example(
            name,
            example_resource(snapshot_type, {"DBClusterIdentifier": "orders"}),
            status,
            (example_resource(cluster_type, {"DBClusterIdentifier": "orders", **props}, "orders"),),
        )
        for name, props, status in (
            ("encrypted-cluster", {"StorageEncrypted": True}, FindingStatus.PASS),
            ("unencrypted-cluster", {"StorageEncrypted": False}, FindingStatus.FAIL),
        )
    )
    elsewhere = example_resource(snapshot_type, {"DBClusterIdentifier": "other"})
    return (*cases, Example("cluster-elsewhere", elsewhere, FindingStatus.UNKNOWN))
