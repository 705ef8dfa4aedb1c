"""No IAM role has full (or near) administrator access unless it is a declared break-glass principal."""

from typing import Any

from wasp.model import FindingStatus, Resource, Severity, Unresolved
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
    title="IAM roles have no full or near administrator access outside break-glass",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::IAM::Role",
    related_types=("AWS::IAM::ManagedPolicy",),
    description="A role whose policies together allow every action on every resource (AdministratorAccess, "
    "Allow * on *) hands everything to whoever can assume it (critical); nearly every action (Allow NotAction "
    "iam:* on *, PowerUserAccess) is near-admin (high). Inline, managed and separately attached policies all "
    "count; an unconditioned Deny takes actions away, a permissions boundary keeps only what it allows; service-linked roles are AWS's and are skipped.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Permissions: detach AdministratorAccess / remove *:* statements; grant "
        "what the role's job needs (IAM Access Analyzer can generate a policy from CloudTrail).",
        cli="aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
        cloudformation="Remove AdministratorAccess from ManagedPolicyArns and '*' actions from Policies.",
        terraform="Remove the aws_iam_role_policy_attachment of AdministratorAccess and any '*' statement.",
    ),
    checkov=("CKV_AWS_274",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Skip service-linked roles; fail admin and near-admin roles that are not break-glass."""
    if str(view.get("Path", "/")).startswith("/aws-service-role/"):
        return None
    return admin_verdict(view, ctx, f"role {view.label('RoleName')}", follow_groups=False)


_ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess"


def _role(props: dict[str, Any]) -> Resource:
    return example_resource("AWS::IAM::Role", {"RoleName": "app", **props})


def _inline(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": list(statements)}}]}


_ALL = {"Effect": "Allow", "Action": "*", "Resource": "*"}
_CUSTOMER = example_resource(
    "AWS::IAM::ManagedPolicy",
    {"ManagedPolicyName": "Everything", "PolicyDocument": {"Statement": [_ALL]}},
    "Everything",
)
_S3_ONLY = example_resource(
    "AWS::IAM::ManagedPolicy",
    {
        "ManagedPolicyName": "S3Only",
        "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]},
    },
    "S3Only",
)
EXAMPLES = (
    Example("scoped", _role({"ManagedPolicyArns": []}), FindingStatus.PASS),
    Example("admin", _role({"ManagedPolicyArns": [_ADMIN]}), FindingStatus.FAIL),
    Example(
        "break-glass",
        example_resource("AWS::IAM::Role", {"RoleName": "BreakGlass", "ManagedPolicyArns": [_ADMIN]}),
        FindingStatus.PASS,
        workload=WorkloadScope(break_glass=("BreakGlass",)),
    ),
    Example(
        "customer-managed", _role({"ManagedPolicyArns": ["Everything"]}), FindingStatus.FAIL, (_CUSTOMER,)
    ),
    Example(
        "notaction-near-admin",
        _role(_inline({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"})),
        FindingStatus.FAIL,
    ),
    Example(
        "power-user",
        _role({"ManagedPolicyArns": ["arn:aws:iam::aws:policy/PowerUserAccess"]}),
        FindingStatus.FAIL,
    ),
    Example(
        "deny-takes-most-away",
        _role(_inline(_ALL, {"Effect": "Deny", "NotAction": ["s3:Get*"], "Resource": "*"})),
        FindingStatus.PASS,
    ),
    Example(
        "condition-limits",
        _role(_inline({**_ALL, "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}})),
        FindingStatus.PASS,
    ),
    Example(
        "condition-does-not-limit",
        _role(_inline({**_ALL, "Condition": {"StringLike": {"aws:PrincipalArn": "*"}}})),
        FindingStatus.FAIL,
    ),
    Example(
        "unknown-document",
        _role(_inline({"Effect": "Allow", "Action": Unresolved("a parameter"), "Resource": "*"})),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "known-admin-beside-unknown",
        _role({"ManagedPolicyArns": [_ADMIN, Unresolved("an import")]}),
        FindingStatus.FAIL,
    ),
    Example(
        "admin-within-a-boundary",
        _role({"ManagedPolicyArns": [_ADMIN], "PermissionsBoundary": "S3Only"}),
        FindingStatus.PASS,
        (_S3_ONLY,),
    ),
    Example(
        "admin-within-an-unread-boundary",
        _role(
            {
                "ManagedPolicyArns": [_ADMIN],
                "PermissionsBoundary": "arn:aws:iam::111122223333:policy/elsewhere",
            }
        ),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "scoped-within-an-unread-boundary",
        _role({"PermissionsBoundary": "arn:aws:iam::aws:policy/ReadOnlyAccess"}),
        FindingStatus.PASS,
    ),
)
