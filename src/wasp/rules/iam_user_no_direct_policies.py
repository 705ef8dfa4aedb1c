"""IAM users get their permissions from groups (or roles), not from policies attached to them directly."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._policy import inline_documents

META = RuleMeta(
    title="IAM users have no policies attached directly",
    severity=Severity.LOW,
    best_practices=("SEC03-BP02", "SEC02-BP06"),
    resource_type="AWS::IAM::User",
    description="Permissions granted user by user (inline policies, managed policies attached to the user, "
    "AWS::IAM::Policy with Users:, aws_iam_user_policy, aws_iam_user_policy_attachment) are hard to review and "
    "linger after a job changes; grant them through groups that match job functions, so removing a user from a "
    "group removes the access.",
    remediation=Remediation(
        console="IAM > User groups > Create group with the policy, add the user; then IAM > Users > USER > "
        "Permissions > Remove the directly attached and inline policies.",
        cli="aws iam add-user-to-group --group-name GROUP --user-name USER && aws iam detach-user-policy "
        "--user-name USER --policy-arn ARN && aws iam delete-user-policy --user-name USER --policy-name NAME",
        cloudformation="Move Policies/ManagedPolicyArns from the AWS::IAM::User to an AWS::IAM::Group and list "
        "the group in the user's Groups.",
        terraform="Replace aws_iam_user_policy(_attachment) with aws_iam_group_policy(_attachment) and "
        "aws_iam_user_group_membership.",
    ),
    checkov=("CKV_AWS_40",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail a user with inline or attached managed policies of its own; a known one fails beside unknown ones."""
    name = view.label("UserName")
    direct: list[str] = []
    unread: list[str] = []
    for path in ("Policies", "ManagedPolicyArns"):
        value = view.peek(path, [])
        for item in value if isinstance(value, list) else [value]:
            if contains_unresolved(item) is not None:
                unread.append(path)
            elif path == "Policies":
                direct += [f"inline {n}" for n, _ in inline_documents([item])]
            else:
                direct.append(str(item).rsplit("/", 1)[-1])
    view.note("direct_policies", direct)
    if direct:
        return failed(f"IAM user {name} has policies attached directly: {', '.join(direct[:5])}")
    if unread:
        return unknown(f"IAM user {name}: {' and '.join(sorted(set(unread)))} known only at deploy time")
    return passed(f"IAM user {name} has no policies of its own")


_ADMIN = "arn:aws:iam::aws:policy/ReadOnlyAccess"
_DOC = {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}
EXAMPLES = (
    Example(
        "through-a-group",
        example_resource("AWS::IAM::User", {"UserName": "dev", "Groups": ["developers"]}),
        FindingStatus.PASS,
    ),
    Example(
        "managed-on-user",
        example_resource("AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": [_ADMIN]}),
        FindingStatus.FAIL,
    ),
    Example(
        "inline-on-user",
        example_resource(
            "AWS::IAM::User", {"UserName": "dev", "Policies": [{"PolicyName": "p", "PolicyDocument": _DOC}]}
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "unknown-attachments",
        example_resource(
            "AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": Unresolved("a parameter")}
        ),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "known-beside-unknown",
        example_resource(
            "AWS::IAM::User", {"UserName": "dev", "ManagedPolicyArns": [_ADMIN, Unresolved("an import")]}
        ),
        FindingStatus.FAIL,
    ),
)
