"""A pre-provisioned incident-response role can isolate and capture without being a full admin."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    UnresolvedRead,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
)
from wasp.rules._iam import attached_documents
from wasp.rules._policy import allows, grants_full_admin

ISOLATE = {
    "change security groups": ("ec2:ModifyInstanceAttribute", "ec2:ModifyNetworkInterfaceAttribute"),
    "snapshot volumes": ("ec2:CreateSnapshot",),
    "detach roles": ("ec2:DisassociateIamInstanceProfile", "iam:DetachRolePolicy", "iam:PutRolePolicy"),
}

META = RuleMeta(
    title="An incident-response role can isolate and capture, without full admin",
    severity=Severity.MEDIUM,
    best_practices=("SEC10-BP05",),
    resource_type=ACCOUNT_TYPE,
    related_types=("AWS::IAM::Role", "AWS::IAM::ManagedPolicy"),
    description="Responders need access that exists before the incident: change security groups, snapshot volumes and "
    "detach roles. A role that can do all three without AdministratorAccess is recognised by its permissions.",
    remediation=Remediation(
        console="IAM > Roles > Create role 'IncidentResponder' (assumable by the security account, MFA required) with "
        "ec2:ModifyInstanceAttribute, ec2:ModifyNetworkInterfaceAttribute, ec2:CreateSnapshot, "
        "ec2:DisassociateIamInstanceProfile and read access.",
        cli="aws iam create-role --role-name IncidentResponder --assume-role-policy-document file://trust.json && "
        "aws iam put-role-policy --role-name IncidentResponder --policy-name isolate --policy-document file://isolate.json",
        cloudformation="AWS::IAM::Role IncidentResponder with an inline policy for the isolation actions (StackSet to every account)",
        terraform="aws_iam_role.incident_responder + aws_iam_role_policy with the isolation actions",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Find roles that cover every isolation capability and are not full admin."""
    responders: list[str] = []
    unknown: list[UnresolvedRead] = []
    for role in ctx.inventory.of_type("AWS::IAM::Role"):
        r = view.neighbour(role)
        try:
            if str(r.get("Path", "/")).startswith("/aws-service-role/"):
                continue
            managed = r.get("ManagedPolicyArns") or []
            docs = attached_documents({"Policies": r.get("Policies"), "ManagedPolicyArns": managed}, ctx)
            bad = contains_unresolved(docs)
            if bad is not None:  # an attached managed policy whose document could not be read
                raise UnresolvedRead(f"{role.type}/{role.id}:PolicyDocument", bad)
        except UnresolvedRead as exc:
            unknown.append(exc)  # this role's policies could not be read: it might be the responder
            continue
        if any(grants_full_admin(d) for d in docs) or any(
            str(a).endswith(":policy/AdministratorAccess") for a in managed
        ):
            continue
        if all(any(allows(docs, a) for a in actions) for actions in ISOLATE.values()):
            responders.append(role.id)
    view.note("incident_response_roles", responders)
    if responders:
        return passed("incident-response role(s): " + ", ".join(responders))
    if unknown:
        raise unknown[0]
    return failed("no role can change security groups, snapshot volumes and detach roles without full admin")


_IR = {
    "Statement": [
        {
            "Effect": "Allow",
            "Resource": "*",
            "Action": [
                "ec2:ModifyInstanceAttribute",
                "ec2:CreateSnapshot",
                "ec2:DisassociateIamInstanceProfile",
                "ec2:Describe*",
            ],
        }
    ]
}
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
EXAMPLES = (
    Example(
        "present",
        _ACCT,
        FindingStatus.PASS,
        (
            example_resource(
                "AWS::IAM::Role",
                {"RoleName": "IR", "Policies": [{"PolicyName": "ir", "PolicyDocument": _IR}]},
                "IR",
            ),
        ),
    ),
    Example(
        "admin-only",
        _ACCT,
        FindingStatus.FAIL,
        (
            example_resource(
                "AWS::IAM::Role",
                {"RoleName": "ops", "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]},
                "ops",
            ),
        ),
    ),
    Example(
        "policies-unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (example_resource("AWS::IAM::Role", {"RoleName": "x", "Policies": Unresolved("denied")}, "x"),),
    ),
)
