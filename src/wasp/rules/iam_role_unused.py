"""Roles unused for more than 90 days are removed."""

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
    unknown,
)

MAX_IDLE_DAYS = 90

META = RuleMeta(
    title=f"No IAM role unused for more than {MAX_IDLE_DAYS} days",
    severity=Severity.LOW,
    best_practices=("SEC03-BP04", "SEC03-BP06"),
    resource_type="AWS::IAM::Role",
    description="An unused role is standing access nobody needs; RoleLastUsed (from the bulk IAM read) tells "
    "when it was last assumed. Service-linked roles are skipped.",
    remediation=Remediation(
        console="IAM > Roles > ROLE > Last activity; delete it (or note why it must stay, e.g. a DR role).",
        cli="aws iam delete-role --role-name ROLE   # after detaching policies and removing instance profiles",
        cloudformation="Remove the AWS::IAM::Role from the template.",
        terraform="Remove the aws_iam_role.",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Idle counts from last use, or from creation for a role never used."""
    name = view.label("RoleName")
    if str(view.get("Path", "/")).startswith("/aws-service-role/") or ctx.workload.is_break_glass(
        name, view.resource.arn
    ):
        return None
    last = view.get(f"{SUPPLEMENTARY}.LastUsedDate")
    idle = ctx.days_since(last or view.get(f"{SUPPLEMENTARY}.CreateDate"))
    view.note("idle_days", idle)
    if idle is None:
        return unknown(f"role {name}: neither its last use nor its creation date was read")
    if idle <= MAX_IDLE_DAYS:
        return passed(f"role {name} used or created within {MAX_IDLE_DAYS} days")
    return failed(f"role {name} {'last used' if last else 'created and never used'} {idle} days ago")


EXAMPLES = (
    Example(
        "used",
        example_resource("AWS::IAM::Role", {"RoleName": "r", SUPPLEMENTARY: {"LastUsedDate": "2025-12-01"}}),
        FindingStatus.PASS,
    ),
    Example(
        "stale",
        example_resource(
            "AWS::IAM::Role",
            {"RoleName": "r", SUPPLEMENTARY: {"CreateDate": "2024-01-01", "LastUsedDate": None}},
        ),
        FindingStatus.FAIL,
    ),
)
