"""EBS volumes are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples, is_true

META = RuleMeta(
    title="EBS volumes are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::EC2::Volume",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="EC2 > Volumes > Create volume > Encryption: a customer-managed key (copy a snapshot to re-encrypt an existing volume).",
        cli="aws ec2 create-volume --encrypted --kms-key-id KEY_ARN --availability-zone AZ --size N",
        cloudformation="Encrypted: true  KmsKeyId: !Ref Key",
        terraform="encrypted = true  kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_189",),
)


def _encrypted(view: ResourceView) -> bool:
    """Only an encrypted resource has a key to judge (an unencrypted one fails its encryption rule)."""
    return is_true(view.get("Encrypted"))


evaluate = expect_key(
    "KmsKeyId",
    ok="encrypted with a customer-managed key",
    bad="{name} is not encrypted with a customer-managed KMS key",
    applies=_encrypted,
)

EXAMPLES = (
    *examples(
        "AWS::EC2::Volume",
        passing=[("cmk", {"Encrypted": True, "KmsKeyId": "arn:aws:kms:eu-west-2:111122223333:key/1234abcd"})],
        failing=[
            ("default-key", {"Encrypted": True}),
            ("aws-managed-alias", {"Encrypted": True, "KmsKeyId": "alias/aws/ebs"}),
        ],
    ),
    unknown_example("AWS::EC2::Volume", "KmsKeyId", {"Encrypted": True}),
)
