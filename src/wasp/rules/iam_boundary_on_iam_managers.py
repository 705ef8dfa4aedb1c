"""Roles that can create or change IAM principals carry a permissions boundary."""

from wasp.model import FindingStatus, Severity
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
    unknown,
)
from wasp.rules._iam import principal_documents
from wasp.rules._policy import allows
from wasp.rules._policy_access import access_of
from wasp.rules._shape import text

IAM_WRITE = (
    "iam:CreateRole",
    "iam:CreateUser",
    "iam:PutRolePolicy",
    "iam:AttachRolePolicy",
    "iam:PutUserPolicy",
    "iam:AttachUserPolicy",
    "iam:UpdateAssumeRolePolicy",
)

META = RuleMeta(
    title="Roles that manage IAM principals have a permissions boundary",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP05",),
    resource_type="AWS::IAM::Role",
    related_types=("AWS::IAM::ManagedPolicy",),
    description="A role that can create roles or attach policies can escalate to anything, unless a permissions "
    "boundary caps what it (and what it creates) may do. Full-admin roles are reported by iam_role_no_admin.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Permissions boundary > Set boundary (a policy that also requires the boundary "
        "on principals it creates).",
        cli="aws iam put-role-permissions-boundary --role-name ROLE --permissions-boundary arn:aws:iam::ACCOUNT:policy/Boundary",
        cloudformation="PermissionsBoundary: !Ref BoundaryPolicy",
        terraform="permissions_boundary = aws_iam_policy.boundary.arn",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only roles that can write IAM, are not full admin and are not break-glass are in scope."""
    name = view.label("RoleName")
    if str(view.get("Path", "/")).startswith("/aws-service-role/") or ctx.workload.is_break_glass(
        name, view.resource.arn
    ):
        return None
    sources = principal_documents(view, ctx, follow_groups=False)
    access = access_of(sources)
    if access.full_admin:
        return None
    docs = [doc for _, doc in sources]
    writes = [a for a in IAM_WRITE if allows(docs, a)]
    view.note("iam_write_actions", writes)
    if not writes and access.undecided:
        return unknown(f"role {name}: policies with parts known only at deploy time: {access.undecided[0]}")
    if not writes:
        return None
    if text(view, "PermissionsBoundary"):
        return passed(f"role {name} can manage IAM and has a permissions boundary")
    return failed(f"role {name} can {', '.join(writes)} without a permissions boundary")


_IAM = {
    "Statement": [{"Effect": "Allow", "Action": ["iam:CreateRole", "iam:AttachRolePolicy"], "Resource": "*"}]
}
_IAM_ARN = "arn:aws:iam::111122223333:policy/deployer"
EXAMPLES = (
    Example(
        "bounded",
        example_resource(
            "AWS::IAM::Role",
            {
                "RoleName": "deployer",
                "Policies": [{"PolicyName": "p", "PolicyDocument": _IAM}],
                "PermissionsBoundary": "arn:aws:iam::1:policy/b",
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "unbounded",
        example_resource(
            "AWS::IAM::Role",
            {"RoleName": "deployer", "Policies": [{"PolicyName": "p", "PolicyDocument": _IAM}]},
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "wildcard",
        example_resource(
            "AWS::IAM::Role",
            {
                "RoleName": "d",
                "Policies": [
                    {
                        "PolicyName": "p",
                        "PolicyDocument": {
                            "Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*"}]
                        },
                    }
                ],
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "customer-managed-policy",
        example_resource("AWS::IAM::Role", {"RoleName": "deployer", "ManagedPolicyArns": [_IAM_ARN]}),
        FindingStatus.FAIL,
        (example_resource("AWS::IAM::ManagedPolicy", {"PolicyDocument": _IAM}, _IAM_ARN),),
    ),
)
