"""SageMaker notebook instances are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="SageMaker notebook instances are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::SageMaker::NotebookInstance",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="SageMaker > Notebook instances > Create > Permissions and encryption > Encryption key (set at creation).",
        cli="aws sagemaker create-notebook-instance --notebook-instance-name NAME --kms-key-id KEY_ARN ...",
        cloudformation="KmsKeyId: !Ref Key",
        terraform="kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=(
        "CKV_AWS_22",
        "CKV_AWS_187",
    ),
)

evaluate = expect_key(
    "KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::NotebookInstance",
        passing=[("cmk", {"KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"KmsKeyId": "alias/aws/sagemaker"})],
    ),
    unknown_example("AWS::SageMaker::NotebookInstance", "KmsKeyId"),
)
