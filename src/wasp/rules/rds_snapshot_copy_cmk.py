"""RDS snapshot copies are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="RDS snapshot copies are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::RDS::DBSnapshotCopy",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="RDS > Snapshots > SNAPSHOT > Actions > Copy snapshot > Encryption: a customer-managed key.",
        cli="aws rds copy-db-snapshot --source-db-snapshot-identifier SRC --target-db-snapshot-identifier DEST --kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no resource for this; use the CLI or Terraform.",
        terraform="kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_266",),
)

evaluate = cmk_everywhere("KmsKeyId", what="RDS snapshot copy")

EXAMPLES = cmk_examples(
    "WASP::RDS::DBSnapshotCopy",
    "KmsKeyId",
    bad=[("default-key", None), ("aws-managed-alias", "alias/aws/rds")],
)
