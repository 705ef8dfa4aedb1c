"""FSx file systems are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="FSx file systems are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::FSx::FileSystem",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="FSx > Create file system > Encryption: a customer-managed key (set at creation).",
        cli="aws fsx create-file-system --file-system-type ONTAP --kms-key-id KEY_ARN ...",
        cloudformation="KmsKeyId: !Ref Key",
        terraform="kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=(
        "CKV_AWS_178",
        "CKV_AWS_179",
        "CKV_AWS_190",
        "CKV_AWS_203",
    ),
)

evaluate = expect_key(
    "KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::FSx::FileSystem",
        passing=[("cmk", {"KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"KmsKeyId": "alias/aws/fsx"})],
    ),
    unknown_example("AWS::FSx::FileSystem", "KmsKeyId"),
)
