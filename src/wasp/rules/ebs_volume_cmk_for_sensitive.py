"""Confidential and restricted EBS volume data is encrypted with a customer-managed KMS key."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
)
from wasp.rules._sensitive_key import sensitive_key_verdict, store

META = RuleMeta(
    title="Confidential EBS volume uses a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC07-BP02"),
    resource_type="AWS::EC2::Volume",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed key puts a second, auditable permission (kms:Decrypt, under your key policy) "
    "between a reader and confidential or restricted data, and lets you revoke access by disabling the key.",
    remediation=Remediation(
        console="EC2 > Snapshots: copy the volume's snapshot with a customer-managed key and restore it.",
        cli="aws ec2 copy-snapshot --source-snapshot-id SNAP --encrypted --kms-key-id KEY_ARN",
        cloudformation="KmsKeyId: !GetAtt DataKey.Arn (with Encrypted: true)",
        terraform="kms_key_id = aws_kms_key.data.arn",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only confidential/restricted stores are in scope; their key must be customer-managed."""
    return sensitive_key_verdict(view, ctx, "KmsKeyId", "EBS volume")


_CMK = "arn:aws:kms:eu-west-2:111122223333:key/abc"
EXAMPLES = (
    Example("cmk", store("AWS::EC2::Volume", {"KmsKeyId": _CMK, "Encrypted": True}), FindingStatus.PASS),
    Example(
        "aws-key",
        store("AWS::EC2::Volume", {"Encrypted": True, "KmsKeyId": "alias/aws/ebs"}),
        FindingStatus.FAIL,
    ),
    Example("unencrypted", store("AWS::EC2::Volume", {"Encrypted": False}), FindingStatus.FAIL),
    Example(
        "tags-unreadable",
        store("AWS::EC2::Volume", {"KmsKeyId": _CMK, "Encrypted": True}, Unresolved("denied")),
        FindingStatus.UNKNOWN,
    ),
)
