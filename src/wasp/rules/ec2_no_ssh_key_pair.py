"""Instances are launched without an SSH key pair (Session Manager instead)."""

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

META = RuleMeta(
    title="EC2 instances have no SSH key pair",
    severity=Severity.LOW,
    best_practices=("SEC06-BP03",),
    resource_type="AWS::EC2::Instance",
    description="A key pair means someone is expected to log in interactively; Session Manager gives audited access "
    "without long-lived keys or open ports.",
    remediation=Remediation(
        console="Relaunch without a key pair (Proceed without a key pair); connect with Session Manager.",
        cli="aws ssm start-session --target INSTANCE",
        cloudformation="Omit KeyName from AWS::EC2::Instance / LaunchTemplateData.",
        terraform="Omit key_name.",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when KeyName is set."""
    if view.get(f"{SUPPLEMENTARY}.State") in ("terminated", "shutting-down"):
        return None
    key = view.get("KeyName")
    if key:
        return failed(f"instance {view.id} was launched with key pair {key}")
    return passed("no SSH key pair")


EXAMPLES = (
    Example("keyless", example_resource("AWS::EC2::Instance", {}), FindingStatus.PASS),
    Example("key", example_resource("AWS::EC2::Instance", {"KeyName": "ops"}), FindingStatus.FAIL),
)
