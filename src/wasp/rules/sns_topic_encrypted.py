"""SNS topic is encrypted at rest."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)
from wasp.rules._iam_refs import is_set

META = RuleMeta(
    title="SNS topic is encrypted at rest",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::SNS::Topic",
    description="Encryption at rest (a KMS key at least AWS-managed) protects data in storage, snapshots and backups.",
    remediation=Remediation(
        console="SNS > TOPIC > Edit > Encryption: enable with a KMS key.",
        cli="aws sns set-topic-attributes --topic-arn ARN --attribute-name KmsMasterKeyId --attribute-value alias/KEY",
        cloudformation="KmsMasterKeyId: !Ref Key",
        terraform="kms_master_key_id = aws_kms_key.sns.arn",
    ),
    checkov=("CKV_AWS_26",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless encryption is on."""
    if is_set(view, "KmsMasterKeyId"):
        return passed("encrypted at rest")
    return failed(f"SNS topic {view.id} is not encrypted at rest")


EXAMPLES = (
    Example(
        "encrypted",
        example_resource("AWS::SNS::Topic", {"KmsMasterKeyId": "alias/aws/sns"}),
        FindingStatus.PASS,
    ),
    Example("plain", example_resource("AWS::SNS::Topic", {"KmsMasterKeyId": None}), FindingStatus.FAIL),
    Example(
        "declared-key",
        example_resource(
            "AWS::SNS::Topic",
            {"KmsMasterKeyId": Unresolved("aws_kms_key.topics.arn is known only after apply")},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "key-from-a-parameter",
        example_resource(
            "AWS::SNS::Topic",
            {"KmsMasterKeyId": Unresolved("parameter KeyArn has no default and no value was given")},
        ),
        FindingStatus.UNKNOWN,
    ),
)
