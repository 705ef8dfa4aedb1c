"""MemoryDB snapshots are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="MemoryDB snapshots are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::MemoryDB::Snapshot",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="MemoryDB > Snapshots > Create snapshot > Encryption key: a customer-managed key.",
        cli="aws memorydb create-snapshot --cluster-name CLUSTER --snapshot-name NAME --kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no resource for this; use the CLI or Terraform.",
        terraform="kms_key_arn = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_278",),
)

evaluate = cmk_everywhere("KmsKeyId", what="MemoryDB snapshot")

EXAMPLES = cmk_examples(
    "WASP::MemoryDB::Snapshot",
    "KmsKeyId",
    bad=[("default-key", None), ("aws-managed-alias", "alias/aws/memorydb")],
)
