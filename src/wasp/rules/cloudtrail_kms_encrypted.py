"""CloudTrail log files are encrypted with a KMS key."""

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
    title="CloudTrail logs are encrypted with a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC08-BP02"),
    resource_type="AWS::CloudTrail::Trail",
    description="SSE-KMS adds a second permission (kms:Decrypt) between a bucket reader and the audit log.",
    remediation=Remediation(
        console="CloudTrail > Trails > TRAIL > Edit > Log file SSE-KMS encryption: Enabled, choose a key "
        "whose policy lets CloudTrail encrypt.",
        cli="aws cloudtrail update-trail --name TRAIL --kms-key-id KEY_ARN",
        cloudformation="KMSKeyId: !GetAtt TrailKey.Arn",
        terraform="kms_key_id = aws_kms_key.trail.arn",
    ),
    checkov=("CKV_AWS_35",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless a KMS key is set."""
    if is_set(view, "KMSKeyId"):
        return passed("logs encrypted with KMS")
    return failed(f"trail {view.id} logs are not encrypted with KMS")


EXAMPLES = (
    Example(
        "kms",
        example_resource("AWS::CloudTrail::Trail", {"KMSKeyId": "arn:aws:kms:eu-west-2:1:key/x"}),
        FindingStatus.PASS,
    ),
    Example("none", example_resource("AWS::CloudTrail::Trail", {}), FindingStatus.FAIL),
    Example(
        "declared-key",
        example_resource(
            "AWS::CloudTrail::Trail",
            {"KMSKeyId": Unresolved("Fn::GetAtt TrailKey.Arn is known only after deployment")},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "key-from-a-parameter",
        example_resource(
            "AWS::CloudTrail::Trail",
            {"KMSKeyId": Unresolved("parameter KeyArn has no default and no value was given")},
        ),
        FindingStatus.UNKNOWN,
    ),
)
