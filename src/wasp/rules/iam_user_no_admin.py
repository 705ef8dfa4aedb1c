"""No IAM user has full (or near) administrator access unless it is a declared break-glass principal."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
)
from wasp.rules._iam import admin_verdict

META = RuleMeta(
    title="IAM users have no full or near administrator access outside break-glass",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::User",
    related_types=("AWS::IAM::Group", "AWS::IAM::ManagedPolicy"),
    description="AdministratorAccess or an Allow of * on * (attached, inline, attached from elsewhere or "
    "through a group) gives a user everything (critical); Allow NotAction on * gives nearly everything (high). "
    "Only declared break-glass principals may hold either.",
    remediation=Remediation(
        console="IAM > Users > USER > Permissions: remove AdministratorAccess and *:* policies (and the "
        "user from admin groups); grant a job-specific policy instead.",
        cli="aws iam detach-user-policy --user-name USER --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
        cloudformation="Remove AdministratorAccess from ManagedPolicyArns and '*' actions from Policies.",
        terraform="Remove the aws_iam_user_policy_attachment of AdministratorAccess and any '*' statement.",
    ),
    checkov=("CKV_AWS_274",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when the user holds admin or near-admin through any route and is not break-glass."""
    return admin_verdict(view, ctx, f"IAM user {view.label('UserName')}", follow_groups=True)


_ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
_STAR = {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
_GROUP = example_resource("AWS::IAM::Group", {"GroupName": "admins", "ManagedPolicyArns": [_ADMIN]}, "admins")
_NEAR = {"Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}
_OPS = example_resource(
    "AWS::IAM::Group", {"Policies": [{"PolicyName": "ops", "PolicyDocument": _NEAR}]}, "OpsGroup"
)
_ALL_ARN = "arn:aws:iam::111122223333:policy/everything"
EXAMPLES = (
    Example(
        "plain",
        example_resource("AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": []}),
        FindingStatus.PASS,
    ),
    Example(
        "attached",
        example_resource("AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": [_ADMIN]}),
        FindingStatus.FAIL,
    ),
    Example(
        "inline",
        example_resource(
            "AWS::IAM::User",
            {"UserName": "dev", "Policies": [{"PolicyName": "all", "PolicyDocument": _STAR}]},
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "via-group",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": ["admins"]}),
        FindingStatus.FAIL,
        (_GROUP,),
    ),
    Example(
        "break-glass",
        example_resource("AWS::IAM::User", {"UserName": "bg", "ManagedPolicyArns": [_ADMIN]}),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("bg",)),
    ),
    Example(
        "via-group-inline-near-admin",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": ["OpsGroup"]}),
        FindingStatus.FAIL,
        (_OPS,),
    ),
    Example(
        "group-elsewhere",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": ["not-here"]}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "customer-managed-policy",
        example_resource("AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": [_ALL_ARN]}),
        FindingStatus.FAIL,
        (example_resource("AWS::IAM::ManagedPolicy", {"PolicyDocument": _STAR}, _ALL_ARN),),
    ),
)
