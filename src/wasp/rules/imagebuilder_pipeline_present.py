"""Hardened images come from an EC2 Image Builder pipeline."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
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

PIPELINE = "AWS::ImageBuilder::ImagePipeline"
INSTANCE = "AWS::EC2::Instance"

META = RuleMeta(
    title="An enabled Image Builder pipeline produces the workload's images",
    severity=Severity.LOW,
    best_practices=("SEC06-BP02",),
    resource_type=ACCOUNT_TYPE,
    related_types=(PIPELINE, INSTANCE),
    description="Images built by a pipeline (with CIS/STIG hardening components and tests) are reproducible and "
    "current; hand-made golden AMIs drift. Only applies when the workload runs EC2 instances.",
    remediation=Remediation(
        console="EC2 Image Builder > Create image pipeline (recipe with hardening components, schedule, distribution).",
        cli="aws imagebuilder create-image-pipeline --name NAME --image-recipe-arn ARN --infrastructure-configuration-arn ARN",
        cloudformation="AWS::ImageBuilder::ImagePipeline {Status: ENABLED, Schedule: {...}}",
        terraform='resource "aws_imagebuilder_image_pipeline" "this" { status = "ENABLED" ... }',
    ),
    iac=False,
)


def _instances_unread(view: ResourceView, ctx: RuleContext) -> str | None:
    """Why this account's instances could not be listed (in some region), or None."""
    account = view.resource.account
    for gap in ctx.inventory.gaps:
        other_account = bool(gap.account and account and gap.account != account)
        if gap.blocks_service and INSTANCE in gap.resource_types and not other_account:
            return f"{gap.service}:{gap.operation} {gap.error}"
    return None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Not applicable without instances; unknown when none was seen because the listing failed."""
    if not ctx.inventory.of_type(INSTANCE):
        denied = _instances_unread(view, ctx)
        if denied:
            return unknown(
                f"no instance seen, but instances could not be listed ({denied}): cannot tell if any run"
            )
        return None
    enabled = [
        p.id
        for p in ctx.inventory.of_type(PIPELINE)
        if view.neighbour(p).get("Status", "ENABLED") == "ENABLED"
    ]
    view.note("pipelines", enabled)
    if enabled:
        return passed("image pipelines: " + ", ".join(enabled))
    return failed("instances run, but no enabled Image Builder pipeline produces images")


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_INST = example_resource(INSTANCE, {}, "i-1")
EXAMPLES = (
    Example(
        "pipeline",
        _ACCT,
        FindingStatus.PASS,
        (_INST, example_resource(PIPELINE, {"Status": "ENABLED"}, "golden")),
    ),
    Example("none", _ACCT, FindingStatus.FAIL, (_INST,)),
)
