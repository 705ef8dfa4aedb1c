"""Fixable critical and high Inspector vulnerabilities on ECR images are patched within the patch window."""

from __future__ import annotations

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
)
from wasp.rules._inspector_resource import resource_examples, resource_verdict

TYPE = "AWS::ECR::Repository"

META = RuleMeta(
    title="ECR repository: fixable critical and high image vulnerabilities (Inspector) are patched within the patch window",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01",),
    resource_type=TYPE,
    related_types=(ACCOUNT_TYPE,),
    iac=False,
    decides_gaps=True,
    source="inspector",
    description="Inspector's active critical and high package vulnerabilities with a fix available that name "
    "an image in the repository, open longer than the workload's findings.inspector_patch_window_days (default 14, Cyber "
    "Essentials' window). An exploit available or an EPSS score of 0.1 or more makes the failure critical. "
    "Passes only when Inspector's coverage lists it as scanned; unknown when Inspector is off, its findings or "
    "coverage could not be read, or reading stopped at the cap among overdue findings.",
    remediation=Remediation(
        console="Inspector > Findings > By container image > IMAGE > rebuild on a patched base image, push, redeploy, and delete the vulnerable image tags.",
        cli="docker build --pull -t REPO_URI:TAG . && docker push REPO_URI:TAG; aws ecr batch-delete-image --repository-name REPO --image-ids imageDigest=OLD_DIGEST",
        cloudformation="A pipeline (AWS::CodePipeline::Pipeline) that rebuilds images on a schedule from a patched base image",
        terraform='resource "aws_codebuild_project" "rebuild" { ... } scheduled by aws_cloudwatch_event_rule to rebuild and push images',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Overdue fixable critical/high findings naming this repository fail; a scanned one without any passes."""
    return resource_verdict(view, ctx, "repository")


EXAMPLES = resource_examples(TYPE, "payments-api", "batch-worker")
