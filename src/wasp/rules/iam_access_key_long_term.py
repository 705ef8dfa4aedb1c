"""No IAM user holds an active access key: workloads and people use temporary credentials."""

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
from wasp.rules._shape import text

META = RuleMeta(
    title="IAM users hold no active access keys outside break-glass",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::IAM::AccessKey",
    description="An access key is a long-term credential: it works until someone deletes it, from anywhere, and "
    "leaks through laptops, CI logs and repositories. Workloads should assume roles (instance profiles, task "
    "roles, OIDC federation for CI) and people sign in through the identity provider. Every active key fails, "
    "whatever its age (a key declared in a template is one by construction); keys of declared break-glass "
    "users pass, and rotation age is judged separately (iam_access_key_rotated).",
    remediation=Remediation(
        console="IAM > Users > USER > Security credentials > Access keys: move the workload to a role, then "
        "Deactivate and Delete the key.",
        cli="aws iam update-access-key --user-name USER --access-key-id KEY --status Inactive && "
        "aws iam delete-access-key --user-name USER --access-key-id KEY",
        cloudformation="Remove the AWS::IAM::AccessKey; give the workload an AWS::IAM::Role (instance profile, "
        "task role, or an OIDC trust for CI).",
        terraform="Remove the aws_iam_access_key; use an aws_iam_role with an assume_role_policy for the "
        "workload (aws_iam_openid_connect_provider for CI).",
    ),
    checkov=("CKV_AWS_348",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail an active key unless its user is a declared break-glass principal."""
    user = view.label("UserName")
    if str(text(view, "Status", "Active")).lower() != "active":
        return passed(f"access key of {user} is inactive")
    if ctx.workload.is_break_glass(user):
        view.note("break_glass", True)
        return passed(f"access key of {user}, a declared break-glass user")
    return failed(f"IAM user {user} has an active access key, a long-term credential; use a role instead")


_KEY = {"UserName": "deploy", "Status": "Active"}
EXAMPLES = (
    Example("active", example_resource("AWS::IAM::AccessKey", _KEY), FindingStatus.FAIL),
    Example(
        "status-left-to-default",
        example_resource("AWS::IAM::AccessKey", {"UserName": "ci"}),
        FindingStatus.FAIL,
    ),
    Example(
        "inactive",
        example_resource("AWS::IAM::AccessKey", {**_KEY, "Status": "Inactive"}),
        FindingStatus.PASS,
    ),
    Example(
        "break-glass",
        example_resource("AWS::IAM::AccessKey", _KEY),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("deploy",)),
    ),
)
