"""Instances get AWS credentials from an instance profile (a role), not from stored keys."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
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
from wasp.rules._shape import text

META = RuleMeta(
    title="EC2 instances use an instance profile",
    severity=Severity.LOW,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::EC2::Instance",
    description="An instance without a role that calls AWS must carry long-term keys; a role gives it "
    "temporary, rotated credentials (and Session Manager needs one).",
    remediation=Remediation(
        console="EC2 > Instances > INSTANCE > Actions > Security > Modify IAM role.",
        cli="aws ec2 associate-iam-instance-profile --instance-id ID --iam-instance-profile Name=PROFILE",
        cloudformation="IamInstanceProfile: !Ref InstanceProfile  # AWS::IAM::InstanceProfile around a role",
        terraform="iam_instance_profile = aws_iam_instance_profile.this.name",
    ),
    checkov=("CKV2_AWS_41",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when no instance profile is attached."""
    if view.get(f"{SUPPLEMENTARY}.State") in ("terminated", "shutting-down"):
        return None
    if text(view, "IamInstanceProfile"):
        return passed("instance has an instance profile")
    return failed(f"instance {view.id} has no instance profile")


EXAMPLES = (
    Example(
        "profile", example_resource("AWS::EC2::Instance", {"IamInstanceProfile": "app"}), FindingStatus.PASS
    ),
    Example("none", example_resource("AWS::EC2::Instance", {}), FindingStatus.FAIL),
)
