"""Instances run from images built within the last 180 days."""

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
from wasp.rules._shape import text

MAX_AGE_DAYS = 180

META = RuleMeta(
    title=f"EC2 instances run AMIs younger than {MAX_AGE_DAYS} days",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP02",),
    resource_type="AWS::EC2::Instance",
    description="Old images carry old vulnerabilities; a hardened-image pipeline rebuilds and redeploys regularly.",
    remediation=Remediation(
        console="Rebuild the image (EC2 Image Builder pipeline on a schedule) and roll the instances.",
        cli="aws imagebuilder start-image-pipeline-execution --image-pipeline-arn ARN",
        cloudformation="AWS::ImageBuilder::ImagePipeline with a Schedule; reference the latest AMI via SSM parameter",
        terraform="aws_imagebuilder_image_pipeline with schedule; data.aws_ssm_parameter for the latest AMI",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Age from the AMI's creation date; a deregistered AMI is unknown."""
    if view.get(f"{SUPPLEMENTARY}.State") in ("terminated", "shutting-down"):
        return None
    created = text(view, f"{SUPPLEMENTARY}.ImageCreationDate")
    if not created:
        return unknown(
            f"the AMI {view.get('ImageId')} of {view.id} no longer exists or is not visible, so its age is unknown"
        )
    age = ctx.days_since(created)
    view.note("ami_age_days", age)
    if age is not None and age > MAX_AGE_DAYS:
        return failed(f"instance {view.id} runs AMI {view.get('ImageId')} built {age} days ago")
    return passed(f"AMI built {age} days ago")


EXAMPLES = (
    Example(
        "fresh",
        example_resource(
            "AWS::EC2::Instance",
            {"ImageId": "ami-1", SUPPLEMENTARY: {"ImageCreationDate": "2025-11-01T00:00:00Z"}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "stale",
        example_resource(
            "AWS::EC2::Instance",
            {"ImageId": "ami-1", SUPPLEMENTARY: {"ImageCreationDate": "2024-01-01T00:00:00Z"}},
        ),
        FindingStatus.FAIL,
    ),
)
