"""ElastiCache replication groups are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY
from wasp.rules._shape import flag, text

META = RuleMeta(
    title="ElastiCache replication groups are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::ElastiCache::ReplicationGroup",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Create a replication group encrypted at rest with a customer-managed key, restore a backup into it and switch clients over.",
        cli="aws elasticache create-replication-group --replication-group-id NEW --at-rest-encryption-enabled --kms-key-id KEY_ARN --snapshot-name SNAP --replication-group-description DESC",
        cloudformation="AtRestEncryptionEnabled: true  KmsKeyId: !Ref Key",
        terraform="at_rest_encryption_enabled = true  kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_191",),
)


def _encrypted(view: ResourceView) -> bool:
    """Only a group encrypted at rest has a key to judge (Valkey groups are by default)."""
    if str(text(view, "Engine", "redis")).lower() == "valkey":
        return bool(flag(view, "AtRestEncryptionEnabled", True))
    return bool(flag(view, "AtRestEncryptionEnabled", False))


evaluate = cmk_everywhere(
    "KmsKeyId",
    what="ElastiCache replication group",
    applies=_encrypted,
    needs=("AtRestEncryptionEnabled",),
)

EXAMPLES = (
    *cmk_examples(
        "AWS::ElastiCache::ReplicationGroup",
        "KmsKeyId",
        base={"AtRestEncryptionEnabled": True},
        bad=[("default-key", None), ("aws-managed-alias", "alias/aws/elasticache")],
    ),
)
