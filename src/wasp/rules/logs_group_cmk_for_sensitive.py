"""Confidential and restricted CloudWatch log group data is encrypted with a customer-managed KMS key."""

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
    title="Confidential CloudWatch log group uses a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC07-BP02"),
    resource_type="AWS::Logs::LogGroup",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed key puts a second, auditable permission (kms:Decrypt, under your key policy) "
    "between a reader and confidential or restricted data, and lets you revoke access by disabling the key.",
    remediation=Remediation(
        console="Use the CLI: aws logs associate-kms-key (the console cannot set a log group's key).",
        cli="aws logs associate-kms-key --log-group-name GROUP --kms-key-id KEY_ARN",
        cloudformation="KmsKeyId: !GetAtt DataKey.Arn",
        terraform="kms_key_id = aws_kms_key.data.arn",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only confidential/restricted stores are in scope; their key must be customer-managed."""
    return sensitive_key_verdict(view, ctx, "KmsKeyId", "CloudWatch log group")


_CMK = "arn:aws:kms:eu-west-2:111122223333:key/abc"
EXAMPLES = (
    Example("cmk", store("AWS::Logs::LogGroup", {"KmsKeyId": _CMK}), FindingStatus.PASS),
    Example("default", store("AWS::Logs::LogGroup", {"LogGroupName": "/app"}), FindingStatus.FAIL),
    Example(
        "tags-unreadable",
        store("AWS::Logs::LogGroup", {"KmsKeyId": _CMK}, Unresolved("denied")),
        FindingStatus.UNKNOWN,
    ),
)
