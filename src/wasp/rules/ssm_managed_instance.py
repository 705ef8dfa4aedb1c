"""Instances are managed by Systems Manager (Session Manager instead of SSH, patching, inventory)."""

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
)

MANAGED = "WASP::SSM::ManagedInstance"

META = RuleMeta(
    title="EC2 instances are managed by Systems Manager",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP03", "SEC06-BP05"),
    resource_type="AWS::EC2::Instance",
    related_types=(MANAGED,),
    description="A managed instance can be patched, inventoried and reached through Session Manager, so SSH and "
    "RDP can be closed.",
    remediation=Remediation(
        console="Systems Manager > Fleet Manager: attach AmazonSSMManagedInstanceCore to the instance role; ensure the "
        "agent runs and the instance reaches SSM (VPC endpoints).",
        cli="aws iam attach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        cloudformation="ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore] on the instance role",
        terraform="aws_iam_role_policy_attachment of AmazonSSMManagedInstanceCore",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Running instances only."""
    if view.get(f"{SUPPLEMENTARY}.State") not in (None, "running"):
        return None
    managed = [m for m in ctx.inventory.of_type(MANAGED) if m.id == view.id]
    state = view.neighbour(managed[0]).get("PingStatus") if managed else "not registered"
    if state == "Online":
        return passed("managed by Systems Manager (online)")
    return failed(f"instance {view.id} is not managed by Systems Manager ({state})")


EXAMPLES = (
    Example(
        "managed",
        example_resource("AWS::EC2::Instance", {}, "i-1"),
        FindingStatus.PASS,
        (example_resource(MANAGED, {"PingStatus": "Online"}, "i-1"),),
    ),
    Example("unmanaged", example_resource("AWS::EC2::Instance", {}, "i-1"), FindingStatus.FAIL),
)
