"""Neptune clusters are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY
from wasp.rules._shape import flag

META = RuleMeta(
    title="Neptune clusters are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Neptune::DBCluster",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Restore a snapshot into a new cluster encrypted with a customer-managed key (the key is set at creation).",
        cli="aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier NEW --snapshot-identifier SNAP --engine neptune --kms-key-id KEY_ARN",
        cloudformation="StorageEncrypted: true  KmsKeyId: !Ref Key",
        terraform="storage_encrypted = true  kms_key_arn = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_347",),
)


def _encrypted(view: ResourceView) -> bool:
    """Only an encrypted cluster has a key to judge (an unencrypted one fails neptune_encrypted)."""
    return bool(flag(view, "StorageEncrypted", False))


evaluate = cmk_everywhere(
    "KmsKeyId",
    what="Neptune cluster",
    applies=_encrypted,
    needs=("StorageEncrypted",),
)

EXAMPLES = (
    *cmk_examples(
        "AWS::Neptune::DBCluster",
        "KmsKeyId",
        base={"StorageEncrypted": True},
        bad=[("default-key", None), ("aws-managed-alias", "alias/aws/rds")],
    ),
)
