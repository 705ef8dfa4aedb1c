"""Confidential and restricted SNS topic data is encrypted with a customer-managed KMS key."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._sensitive_key import sensitive_key_verdict, store

META = RuleMeta(
    title="Confidential SNS topic uses a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC07-BP02"),
    resource_type="AWS::SNS::Topic",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed key puts a second, auditable permission (kms:Decrypt, under your key policy) "
    "between a reader and confidential or restricted data, and lets you revoke access by disabling the key.",
    remediation=Remediation(
        console="SNS > TOPIC > Edit > Encryption: a customer-managed key.",
        cli="aws sns set-topic-attributes --topic-arn ARN --attribute-name KmsMasterKeyId --attribute-value KEY_ARN",
        cloudformation="KmsMasterKeyId: !Ref DataKey",
        terraform="kms_master_key_id = aws_kms_key.data.arn",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only confidential/restricted stores are in scope; their key must be customer-managed."""
    return sensitive_key_verdict(view, ctx, "KmsMasterKeyId", "SNS topic")


_CMK = "arn:aws:kms:eu-west-2:111122223333:key/abc"
EXAMPLES = (
    Example("cmk", store("AWS::SNS::Topic", {"KmsMasterKeyId": _CMK}), FindingStatus.PASS),
    Example("aws-key", store("AWS::SNS::Topic", {"KmsMasterKeyId": "alias/aws/sns"}), FindingStatus.FAIL),
    Example(
        "tags-unreadable",
        store("AWS::SNS::Topic", {"KmsMasterKeyId": _CMK}, Unresolved("denied")),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "tags-not-read-live",
        example_resource("AWS::SNS::Topic", {"KmsMasterKeyId": _CMK}),
        FindingStatus.UNKNOWN,
    ),
)
