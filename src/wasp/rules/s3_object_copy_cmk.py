"""S3 object copies are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="S3 object copies are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::S3::ObjectCopy",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="S3 > BUCKET > OBJECT > Actions > Copy > Server-side encryption: SSE-KMS with a customer-managed key.",
        cli="aws s3 cp s3://SRC/KEY s3://DEST/KEY --sse aws:kms --sse-kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no resource for this; use the CLI or Terraform.",
        terraform="kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_181",),
)

evaluate = expect_key(
    "KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "WASP::S3::ObjectCopy",
        passing=[("cmk", {"KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"KmsKeyId": "alias/aws/s3"})],
    ),
    unknown_example("WASP::S3::ObjectCopy", "KmsKeyId"),
)
