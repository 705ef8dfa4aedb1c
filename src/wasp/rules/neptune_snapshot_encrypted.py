"""Neptune cluster snapshots are encrypted (their source cluster is)."""

from wasp.model import Severity
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
)
from wasp.rules._snapshot_source import encrypted_as_source, encrypted_examples

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
    return encrypted_as_source(view, ctx, CLUSTER)


EXAMPLES = encrypted_examples("WASP::Neptune::DBClusterSnapshot", CLUSTER)
