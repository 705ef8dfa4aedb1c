"""CodeArtifact domains are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="CodeArtifact domains are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::CodeArtifact::Domain",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="CodeArtifact > Domains > Create domain > Additional configuration > Customer managed key (set at creation).",
        cli="aws codeartifact create-domain --domain NAME --encryption-key KEY_ARN",
        cloudformation="EncryptionKey: !GetAtt Key.Arn",
        terraform="encryption_key = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_221",),
)

evaluate = expect_key(
    "EncryptionKey",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
)

EXAMPLES = (
    *examples(
        "AWS::CodeArtifact::Domain",
        passing=[("cmk", {"EncryptionKey": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[("default-key", {}), ("aws-managed-alias", {"EncryptionKey": "alias/aws/codeartifact"})],
    ),
    unknown_example("AWS::CodeArtifact::Domain", "EncryptionKey"),
)
