"""Managed instances have no missing or failed patches."""

from wasp.model import FindingStatus, Severity, Unresolved
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
    title="Instances are patch compliant",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::EC2::Instance",
    related_types=(MANAGED,),
    description="Patch Manager's state per instance: any missing or failed patch is an open vulnerability.",
    remediation=Remediation(
        console="Systems Manager > Patch Manager > Patch now (or a maintenance window with AWS-RunPatchBaseline).",
        cli="aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=ID --parameters Operation=Install",
        cloudformation="AWS::SSM::Association {Name: AWS-RunPatchBaseline, ScheduleExpression: rate(1 day), Parameters: {Operation: [Install]}}",
        terraform='aws_ssm_association { name = "AWS-RunPatchBaseline" schedule_expression = "rate(1 day)" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only managed instances with a patch state are in scope."""
    managed = [m for m in ctx.inventory.of_type(MANAGED) if m.id == view.id]
    count = view.neighbour(managed[0]).get("PatchMissingOrFailed") if managed else None
    if count is None:
        return None
    missing = int(count)
    view.note("missing_or_failed_patches", missing)
    if missing:
        return failed(f"instance {view.id} has {missing} missing or failed patch(es)")
    return passed("patch compliant")


EXAMPLES = (
    Example(
        "patched",
        example_resource("AWS::EC2::Instance", {}, "i-1"),
        FindingStatus.PASS,
        (example_resource(MANAGED, {"PatchMissingOrFailed": 0}, "i-1"),),
    ),
    Example(
        "behind",
        example_resource("AWS::EC2::Instance", {}, "i-1"),
        FindingStatus.FAIL,
        (example_resource(MANAGED, {"PatchMissingOrFailed": 7}, "i-1"),),
    ),
    Example(
        "patch-state-unreadable",
        example_resource("AWS::EC2::Instance", {}, "i-1"),
        FindingStatus.UNKNOWN,
        (example_resource(MANAGED, {"PatchMissingOrFailed": Unresolved("denied")}, "i-1"),),
    ),
)
