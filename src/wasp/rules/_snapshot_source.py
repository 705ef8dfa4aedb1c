"""The cluster a snapshot was taken from: its encryption is the snapshot's.

Terraform's ``aws_db_cluster_snapshot`` and ``aws_neptune_cluster_snapshot`` cannot set encryption: a snapshot
is encrypted, with the same key, exactly when its source cluster is. The snapshot names the cluster by its
identifier or by a reference (``aws_rds_cluster.orders.id`` stands for the cluster's address before apply).
"""

from __future__ import annotations

from wasp.model import Resource
from wasp.model.rule import NeighbourView, ResourceView, RuleContext
from wasp.rules._shape import text


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
