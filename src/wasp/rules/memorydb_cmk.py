"""MemoryDB clusters are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="MemoryDB clusters are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::MemoryDB::Cluster",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Create a cluster with a customer-managed key (Security > Encryption key), restore a snapshot into it and switch clients over.",
        cli="aws memorydb create-cluster --cluster-name NEW --kms-key-id KEY_ARN --snapshot-name SNAP --node-type NODE --acl-name ACL",
        cloudformation="KmsKeyId: !Ref Key",
        terraform="kms_key_arn = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_201",),
)

evaluate = cmk_everywhere(
    "KmsKeyId",
    what="MemoryDB cluster",
)

EXAMPLES = (
    *cmk_examples(
        "AWS::MemoryDB::Cluster",
        "KmsKeyId",
        bad=[("default-key", None), ("aws-managed-alias", "alias/aws/memorydb")],
    ),
)
