"""Kendra indexes are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Kendra indexes are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Kendra::Index",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="Kendra > Create index > Encryption: choose a customer-managed key (set at creation).",
        cli="aws kendra create-index --name NAME --role-arn ROLE --server-side-encryption-configuration KmsKeyId=KEY_ARN",
        cloudformation="ServerSideEncryptionConfiguration: {KmsKeyId: !Ref Key}",
        terraform="server_side_encryption_configuration { kms_key_id = aws_kms_key.this.arn }",
    ),
    checkov=("CKV_AWS_262",),
)

evaluate = expect_key(
    "ServerSideEncryptionConfiguration.KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::Kendra::Index",
        passing=[
            (
                "cmk",
                {
                    "ServerSideEncryptionConfiguration": {
                        "KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"
                    }
                },
            )
        ],
        failing=[
            ("default-key", {}),
            ("aws-managed-alias", {"ServerSideEncryptionConfiguration": {"KmsKeyId": "alias/aws/kendra"}}),
        ],
    ),
    unknown_example("AWS::Kendra::Index", "ServerSideEncryptionConfiguration.KmsKeyId"),
)
