"""Redshift Serverless namespaces are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="Redshift Serverless namespaces are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::RedshiftServerless::Namespace",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Amazon Redshift Serverless > Namespace configuration > NAMESPACE > Security and encryption > Edit: a customer-managed key.",
        cli="aws redshift-serverless update-namespace --namespace-name NAME --kms-key-id KEY_ARN",
        cloudformation="KmsKeyId: !Ref Key",
        terraform="kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_282",),
)

evaluate = cmk_everywhere("KmsKeyId", what="Redshift Serverless namespace")

EXAMPLES = cmk_examples(
    "AWS::RedshiftServerless::Namespace",
    "KmsKeyId",
    bad=[("default-key", None), ("aws-managed-alias", "alias/aws/redshift")],
)
