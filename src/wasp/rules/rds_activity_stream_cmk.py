"""RDS database activity streams are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="RDS database activity streams are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::RDS::ActivityStream",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="RDS > Databases > CLUSTER > Actions > Start database activity stream > AWS KMS key: a customer-managed key.",
        cli="aws rds start-activity-stream --resource-arn CLUSTER_ARN --mode async --kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no resource for this; use the CLI or Terraform.",
        terraform="kms_key_id = aws_kms_key.activity.key_id",
    ),
    checkov=("CKV_AWS_246",),
)

evaluate = cmk_everywhere("KmsKeyId", what="RDS activity stream")

EXAMPLES = cmk_examples("WASP::RDS::ActivityStream", "KmsKeyId", bad=[("aws-managed-alias", "alias/aws/rds")])
