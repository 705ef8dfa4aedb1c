"""People sign in through a central identity provider, not as IAM users with console passwords."""

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
    failed,
    passed,
)

META = RuleMeta(
    title="No IAM users with console passwords outside break-glass",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP04",),
    resource_type="AWS::IAM::User",
    description="Workforce access should come from IAM Identity Center or federation; an IAM user with a "
    "console password is a second identity store to secure and de-provision.",
    remediation=Remediation(
        console="Move the person to IAM Identity Center, then IAM > Users > USER > Security credentials > "
        "Console sign-in > Disable.",
        cli="aws iam delete-login-profile --user-name USER",
        cloudformation="Remove LoginProfile from the AWS::IAM::User; grant access via "
        "AWS::SSO::PermissionSet and AWS::SSO::Assignment.",
        terraform="Remove the aws_iam_user_login_profile; use aws_ssoadmin_permission_set and "
        "aws_ssoadmin_account_assignment.",
    ),
    checkov=("CKV2_AWS_22",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail for console passwords on users not declared as break-glass."""
    name = view.label("UserName")
    if ctx.workload.is_break_glass(name, view.resource.arn):
        view.note("break_glass", True)
        return passed(f"{name} is a declared break-glass user")
    if view.get("LoginProfile"):
        return failed(
            f"IAM user {name} has a console password; people should sign in through the identity provider"
        )
    return passed(f"IAM user {name} has no console password")


_PW = {"UserName": "carol", "LoginProfile": {"Password": "***"}}
EXAMPLES = (
    Example("no-login", example_resource("AWS::IAM::User", {"UserName": "ci"}, "ci"), FindingStatus.PASS),
    Example("login", example_resource("AWS::IAM::User", _PW, "carol"), FindingStatus.FAIL),
    Example(
        "break-glass",
        example_resource("AWS::IAM::User", _PW, "carol"),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("carol",)),
    ),
)
