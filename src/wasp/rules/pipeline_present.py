"""A workload that declares a pipeline deploys through CodePipeline or CodeBuild."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
    failed,
    passed,
)

TYPES = ("AWS::CodePipeline::Pipeline", "AWS::CodeBuild::Project")

META = RuleMeta(
    title="The declared deployment pipeline exists",
    severity=Severity.MEDIUM,
    best_practices=("SEC11-BP06",),
    resource_type=ACCOUNT_TYPE,
    related_types=TYPES,
    description="When the workload file says it deploys through a pipeline (pipeline: true), CodePipeline or "
    "CodeBuild should be present in the account; pipelines elsewhere (GitHub Actions, GitLab) are attested instead.",
    remediation=Remediation(
        console="CodePipeline > Create pipeline (source, build with CodeBuild, deploy with CloudFormation).",
        cli="aws codepipeline create-pipeline --cli-input-json file://pipeline.json",
        cloudformation="AWS::CodePipeline::Pipeline + AWS::CodeBuild::Project",
        terraform="aws_codepipeline + aws_codebuild_project",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only when the workload declares a pipeline."""
    if not ctx.workload.pipeline:
        return None
    found = [r.id for t in TYPES for r in ctx.inventory.of_type(t)]
    view.note("pipelines_and_projects", found)
    if found:
        return passed("pipeline resources: " + ", ".join(found))
    return failed(
        "the workload declares a pipeline, but no CodePipeline pipeline or CodeBuild project exists"
    )


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_W = WorkloadScope(pipeline=True)
EXAMPLES = (
    Example(
        "present",
        _ACCT,
        FindingStatus.PASS,
        (example_resource("AWS::CodePipeline::Pipeline", {}, "deploy"),),
        workload=_W,
    ),
    Example("missing", _ACCT, FindingStatus.FAIL, workload=_W),
)
