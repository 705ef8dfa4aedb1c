"""Backup vaults are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Backup vaults are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::Backup::BackupVault",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="AWS Backup > Backup vaults > Create > Encryption key: a customer-managed key (set at creation).",
        cli="aws backup create-backup-vault --backup-vault-name NAME --encryption-key-arn KEY_ARN",
        cloudformation="EncryptionKeyArn: !GetAtt Key.Arn",
        terraform="kms_key_arn = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_166",),
)

evaluate = expect_key(
    "EncryptionKeyArn",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::Backup::BackupVault",
        passing=[("cmk", {"EncryptionKeyArn": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"EncryptionKeyArn": "alias/aws/backup"})],
    ),
    unknown_example("AWS::Backup::BackupVault", "EncryptionKeyArn"),
)
