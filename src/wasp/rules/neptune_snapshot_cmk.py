"""Neptune cluster snapshots are encrypted with a customer-managed KMS key (their source cluster's)."""

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
from wasp.rules._cmk_store import CMK
from wasp.rules._common import is_customer_managed_key
from wasp.rules._data_checks import KMS_WHY, customer_key, declared_key
from wasp.rules._shape import flag
from wasp.rules._snapshot_source import source_cluster

CLUSTER = "AWS::Neptune::DBCluster"
SNAPSHOT = "WASP::Neptune::DBClusterSnapshot"

META = RuleMeta(
    title="Neptune cluster snapshots are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type=SNAPSHOT,
    related_types=(CLUSTER, "AWS::KMS::Key"),
    description=f"{KMS_WHY} A snapshot keeps its source cluster's key.",
    remediation=Remediation(
        console="Neptune > Snapshots > SNAPSHOT > Actions > Copy: a customer-managed key.",
        cli="aws neptune copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SRC "
        "--target-db-cluster-snapshot-identifier DEST --kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no snapshot resource: set KmsKeyId on the cluster.",
        terraform="kms_key_arn = aws_kms_key.this.arn on the source aws_neptune_cluster",
    ),
    checkov=("CKV_AWS_280",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The source cluster's key decides; an unencrypted cluster's snapshot fails neptune_snapshot_encrypted."""
    cluster = source_cluster(view, ctx, CLUSTER)
    if cluster is None:
        return unknown(f"the source cluster of snapshot {view.id} is not in this configuration")
    if not flag(cluster, "StorageEncrypted", False):
        return None
    if declared_key(cluster.peek("KmsKeyId"), ctx):
        return passed("the source cluster's key is customer-managed")
    key = cluster.get("KmsKeyId")
    if customer_key(key) and is_customer_managed_key(key, ctx, view):
        return passed("the source cluster's key is customer-managed")
    return failed(f"snapshot {view.id} is not encrypted with a customer-managed KMS key")


_CASES = tuple(
    Example(
        name,
        example_resource(SNAPSHOT, {"DBClusterIdentifier": "graph"}),
        status,
        (
            example_resource(
                CLUSTER, {"DBClusterIdentifier": "graph", "StorageEncrypted": True, **props}, "graph"
            ),
        ),
    )
    for name, props, status in (
        ("cmk", {"KmsKeyId": CMK}, FindingStatus.PASS),
        ("default-key", {}, FindingStatus.FAIL),
        ("aws-managed-alias", {"KmsKeyId": "alias/aws/rds"}, FindingStatus.FAIL),
    )
)
EXAMPLES = (
    *_CASES,
    Example(
        "cluster-elsewhere", example_resource(SNAPSHOT, {"DBClusterIdentifier": "x"}), FindingStatus.UNKNOWN
    ),
)
