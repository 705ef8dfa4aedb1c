"""Redshift clusters are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY
from wasp.rules._shape import flag

META = RuleMeta(
    title="Redshift clusters are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Redshift::Cluster",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Properties > Edit encryption > AWS KMS: a customer-managed key.",
        cli="aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted --kms-key-id KEY_ARN",
        cloudformation="Encrypted: true  KmsKeyId: !Ref Key",
        terraform="encrypted = true  kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_142",),
)


def _encrypted(view: ResourceView) -> bool:
    """Only an encrypted cluster has a key to judge (encrypted is the default since January 2025)."""
    return bool(flag(view, "Encrypted", True))


evaluate = cmk_everywhere(
    "KmsKeyId",
    what="Redshift cluster",
    applies=_encrypted,
    needs=("Encrypted",),
)

EXAMPLES = (
    *cmk_examples(
        "AWS::Redshift::Cluster",
        "KmsKeyId",
        base={"Encrypted": True},
        bad=[("default-key", None), ("aws-managed-alias", "alias/aws/redshift")],
    ),
)
