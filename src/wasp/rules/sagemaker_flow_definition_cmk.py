"""SageMaker human review workflows (flow definitions) are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="SageMaker human review workflows (flow definitions) are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::SageMaker::FlowDefinition",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="SageMaker > Augmented AI > Human review workflows > Create: output encryption with a customer-managed key.",
        cli="aws sagemaker create-flow-definition --output-config S3OutputPath=s3://BUCKET/,KmsKeyId=KEY_ARN ...",
        cloudformation="CloudFormation has no flow definition resource; create it with the CLI or Terraform.",
        terraform='output_config { s3_output_path = "s3://reviews/"  kms_key_id = aws_kms_key.this.arn }',
    ),
    checkov=("CKV_AWS_372",),
)

evaluate = expect_key(
    "OutputConfig.KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "WASP::SageMaker::FlowDefinition",
        passing=[("cmk", {"OutputConfig": {"KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"}})],
        failing=[
            ("default-key", {}),
            ("aws-managed-alias", {"OutputConfig": {"KmsKeyId": "alias/aws/sagemaker"}}),
        ],
    ),
    unknown_example("WASP::SageMaker::FlowDefinition", "OutputConfig.KmsKeyId"),
)
