"""DynamoDB table replicas are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="DynamoDB table replicas are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::DynamoDB::TableReplica",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="DynamoDB > Tables > TABLE > Global tables > Create replica: a customer-managed key of the replica's Region.",
        cli="aws dynamodb update-table --table-name TABLE --replica-updates 'Create={RegionName=REGION,KMSMasterKeyId=KEY_ARN}'",
        cloudformation="AWS::DynamoDB::GlobalTable Replicas: [{Region: REGION, SSESpecification: {KMSMasterKeyId: KEY_ARN}}]",
        terraform="kms_key_arn = aws_kms_key.replica.arn",
    ),
    checkov=("CKV_AWS_271",),
)

evaluate = cmk_everywhere("KMSMasterKeyId", what="DynamoDB replica")

EXAMPLES = cmk_examples(
    "WASP::DynamoDB::TableReplica",
    "KMSMasterKeyId",
    bad=[("default-key", None), ("aws-managed-alias", "alias/aws/dynamodb")],
)
