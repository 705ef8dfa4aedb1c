"""No IAM role has full administrator access unless it is a declared break-glass principal."""

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
from wasp.rules._iam import admin_grants

META = RuleMeta(
    title="IAM roles have no full administrator access outside break-glass",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::Role",
    related_types=("AWS::IAM::ManagedPolicy",),
    description="A role with AdministratorAccess or Allow *:* on * hands everything to whoever can assume "
    "it; service-linked roles are AWS's and are skipped.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Permissions: detach AdministratorAccess / remove *:* statements; grant "
        "what the role's job needs (IAM Access Analyzer can generate a policy from CloudTrail).",
        cli="aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
        cloudformation="Remove AdministratorAccess from ManagedPolicyArns and '*' actions from Policies.",
        terraform="Remove the aws_iam_role_policy_attachment of AdministratorAccess and any '*' statement.",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Skip service-linked roles; fail admin roles that are not break-glass."""
    name = str(view.get("RoleName", view.id))
    if str(view.get("Path", "/")).startswith("/aws-service-role/"):
        return None
    grants = admin_grants(view, ctx, follow_groups=False)
    if not grants:
        return passed(f"role {name} has no full administrator access")
    if ctx.workload.is_break_glass(name, view.resource.arn):
        return passed(f"role {name} holds admin as a declared break-glass principal")
    return failed(f"role {name} has full administrator access via {', '.join(grants)}")


_ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"
EXAMPLES = (
    Example(
        "scoped",
        example_resource("AWS::IAM::Role", {"RoleName": "app", "ManagedPolicyArns": []}),
        FindingStatus.PASS,
    ),
    Example(
        "admin",
        example_resource("AWS::IAM::Role", {"RoleName": "app", "ManagedPolicyArns": [_ADMIN]}),
        FindingStatus.FAIL,
    ),
    Example(
        "break-glass",
        example_resource("AWS::IAM::Role", {"RoleName": "BreakGlass", "ManagedPolicyArns": [_ADMIN]}),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("BreakGlass",)),
    ),
)
