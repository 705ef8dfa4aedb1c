"""Neptune cluster snapshots are encrypted (their source cluster is)."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._shape import flag
from wasp.rules._snapshot_source import source_cluster

CLUSTER = "AWS::Neptune::DBCluster"

META = RuleMeta(
    title="Neptune cluster snapshots are encrypted",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="WASP::Neptune::DBClusterSnapshot",
    related_types=(CLUSTER,),
    description="A snapshot holds a full copy of the cluster's data and is encrypted exactly when its source "
    "cluster is: a snapshot of an unencrypted cluster can be restored, copied or shared without any key.",
    remediation=Remediation(
        console="Copy the snapshot with encryption on (Neptune > Snapshots > Copy snapshot > Enable encryption), "
        "restore it into an encrypted cluster and snapshot that one instead.",
        cli="aws neptune copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SRC "
        "--target-db-cluster-snapshot-identifier DEST --kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no snapshot resource: set StorageEncrypted: true on the cluster.",
        terraform="storage_encrypted = true on the source aws_neptune_cluster",
    ),
    checkov=("CKV_AWS_279",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The source cluster in the same configuration decides; one declared elsewhere is unknown."""
    cluster = source_cluster(view, ctx, CLUSTER)
    if cluster is None:
        return unknown(f"the source cluster of snapshot {view.id} is not in this configuration")
    if flag(cluster, "StorageEncrypted", False):
        return passed("taken from an encrypted cluster")
    return failed(f"snapshot {view.id} is of an unencrypted cluster {cluster.resource.id}")


_SNAP = "WASP::Neptune::DBClusterSnapshot"
_CASES = tuple(
    Example(
        name,
        example_resource(_SNAP, {"DBClusterIdentifier": "orders"}),
        status,
        (example_resource(CLUSTER, {"DBClusterIdentifier": "orders", **props}, "orders"),),
    )
    for name, props, status in (
        ("encrypted-cluster", {"StorageEncrypted": True}, FindingStatus.PASS),
        ("unencrypted-cluster", {"StorageEncrypted": False}, FindingStatus.FAIL),
    )
)
EXAMPLES = (
    *_CASES,
    Example(
        "cluster-elsewhere", example_resource(_SNAP, {"DBClusterIdentifier": "other"}), FindingStatus.UNKNOWN
    ),
)
