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
)

PIPELINE = "AWS::ImageBuilder::ImagePipeline"

META = RuleMeta(
    title="An enabled Image Builder pipeline produces the workload's images",
    severity=Severity.LOW,
    best_practices=("SEC06-BP02",),
    resource_type=ACCOUNT_TYPE,
    related_types=(PIPELINE, "AWS::EC2::Instance"),
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


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Not applicable without instances."""
    if not ctx.inventory.of_type("AWS::EC2::Instance"):
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
_INST = example_resource("AWS::EC2::Instance", {}, "i-1")
EXAMPLES = (
    Example(
        "pipeline",
        _ACCT,
        FindingStatus.PASS,
        (_INST, example_resource(PIPELINE, {"Status": "ENABLED"}, "golden")),
    ),
    Example("none", _ACCT, FindingStatus.FAIL, (_INST,)),
)
