"""Kinesis data streams are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Kinesis data streams are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Kinesis::Stream",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="Kinesis > Data streams > STREAM > Configuration > Encryption > Edit > choose a customer-managed key.",
        cli="aws kinesis start-stream-encryption --stream-name STREAM --encryption-type KMS --key-id KEY_ARN",
        cloudformation="StreamEncryption: {EncryptionType: KMS, KeyId: !GetAtt Key.Arn}",
        terraform='encryption_type = "KMS"  kms_key_id = aws_kms_key.this.arn',
    ),
    checkov=("CKV_AWS_185",),
)

evaluate = expect_key(
    "StreamEncryption.KeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::Kinesis::Stream",
        passing=[
            (
                "cmk",
                {
                    "StreamEncryption": {
                        "EncryptionType": "KMS",
                        "KeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd",
                    }
                },
            )
        ],
        failing=[
            ("default-key", {"StreamEncryption": {"EncryptionType": "KMS"}}),
            (
                "aws-managed-alias",
                {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}},
            ),
        ],
    ),
    unknown_example(
        "AWS::Kinesis::Stream", "StreamEncryption.KeyId", {"StreamEncryption": {"EncryptionType": "KMS"}}
    ),
)
