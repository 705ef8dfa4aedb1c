"""No IAM user holds service-wide access to IAM, KMS or S3, or sts:AssumeRole on any role."""

from __future__ import annotations

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._iam import broad_verdict

META = RuleMeta(
    title="IAM users have no service-wide access to IAM, KMS or S3",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::User",
    related_types=("AWS::IAM::Group", "AWS::IAM::ManagedPolicy"),
    description="iam:*, kms:* or s3:* on every resource, or sts:AssumeRole on any role, held directly, through "
    "a policy attached from elsewhere or through a group, lets a user's long-lived credentials grant themselves "
    "more, read every key or every bucket.",
    remediation=Remediation(
        console="IAM > Users > USER > Permissions (and its groups): replace service-wide statements with the "
        "actions and resources the job needs.",
        cli="aws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/IAMFullAccess",
        cloudformation="Policies / ManagedPolicyArns: scope 'iam:*' / 's3:*' / 'kms:*' statements to named actions "
        "and resources.",
        terraform="Scope the aws_iam_user_policy / group policy documents to named actions and resource ARNs.",
    ),
    checkov=("CKV2_AWS_56",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail service-wide grants on sensitive services, however the user holds them."""
    return broad_verdict(view, ctx, f"IAM user {view.label('UserName')}", follow_groups=True)


_S3 = {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
_GROUP = example_resource(
    "AWS::IAM::Group",
    {"GroupName": "data", "Policies": [{"PolicyName": "s3", "PolicyDocument": _S3}]},
    "data",
)
_DATA_ARN = "arn:aws:iam::111122223333:policy/data"
EXAMPLES = (
    Example("plain", example_resource("AWS::IAM::User", {"UserName": "dev"}), FindingStatus.PASS),
    Example(
        "via-group",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": ["data"]}),
        FindingStatus.FAIL,
        (_GROUP,),
    ),
    Example(
        "s3-full-access",
        example_resource(
            "AWS::IAM::User",
            {"UserName": "dev", "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]},
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "customer-managed-policy",
        example_resource("AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": [_DATA_ARN]}),
        FindingStatus.FAIL,
        (example_resource("AWS::IAM::ManagedPolicy", {"PolicyDocument": _S3}, _DATA_ARN),),
    ),
)
