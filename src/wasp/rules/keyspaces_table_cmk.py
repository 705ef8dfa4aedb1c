"""Keyspaces tables use a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="Keyspaces tables are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Cassandra::Table",
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="Amazon Keyspaces > Tables > TABLE > Additional settings > Encryption: customer managed key.",
        cli="aws keyspaces update-table --keyspace-name KS --table-name T --encryption-specification type=CUSTOMER_MANAGED_KMS_KEY,kmsKeyIdentifier=KEY_ARN",
        cloudformation="EncryptionSpecification: {EncryptionType: CUSTOMER_MANAGED_KMS_KEY, KmsKeyIdentifier: !GetAtt Key.Arn}",
        terraform='encryption_specification { type = "CUSTOMER_MANAGED_KMS_KEY"  kms_key_identifier = aws_kms_key.this.arn }',
    ),
    checkov=("CKV_AWS_265",),
)

evaluate = expect(
    "EncryptionSpecification.EncryptionType",
    one_of("CUSTOMER_MANAGED_KMS_KEY"),
    ok="customer-managed key",
    bad="Keyspaces table {name} uses the AWS-owned key",
    default="AWS_OWNED_KMS_KEY",
)

EXAMPLES = (
    *examples(
        "AWS::Cassandra::Table",
        passing=[
            (
                "cmk",
                {
                    "EncryptionSpecification": {
                        "EncryptionType": "CUSTOMER_MANAGED_KMS_KEY",
                        "KmsKeyIdentifier": "arn:aws:kms:eu-west-2:1:key/1",
                    }
                },
            )
        ],
        failing=[
            ("absent", {"TableName": "t"}),
            ("aws-owned", {"EncryptionSpecification": {"EncryptionType": "AWS_OWNED_KMS_KEY"}}),
        ],
    ),
    unknown_example("AWS::Cassandra::Table", "EncryptionSpecification.EncryptionType"),
)
