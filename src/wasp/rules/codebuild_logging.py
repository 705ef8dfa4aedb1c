"""CodeBuild projects keep their build logs (CloudWatch Logs or S3)."""

from wasp.model import FindingStatus, Severity
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
from wasp.rules._cmk_store import not_read_live
from wasp.rules._shape import block, text

META = RuleMeta(
    title="CodeBuild projects keep build logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::CodeBuild::Project",
    description="Build logs record what a pipeline fetched, ran and published: the evidence an investigation of "
    "a supply-chain compromise needs. CloudWatch Logs are on unless a project turns them off; a project that "
    "turns them off needs S3 logs instead.",
    remediation=Remediation(
        console="CodeBuild > Build projects > PROJECT > Edit > Logs: CloudWatch logs (or S3 logs) on.",
        cli="aws codebuild update-project --name PROJECT --logs-config 'cloudWatchLogs={status=ENABLED}'",
        cloudformation="LogsConfig: {CloudWatchLogs: {Status: ENABLED, GroupName: /codebuild/PROJECT}}",
        terraform='logs_config { cloudwatch_logs { status = "ENABLED" } }',
    ),
    checkov=("CKV_AWS_314",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail only when CloudWatch Logs are disabled and S3 logs are not enabled."""
    if not_read_live(view, ("LogsConfig",)) is not None:
        return unknown(f"the log settings of project {view.id} are not read live")
    block(view, "LogsConfig")
    cloudwatch = str(text(view, "LogsConfig.CloudWatchLogs.Status", "ENABLED")).upper()
    s3 = str(text(view, "LogsConfig.S3Logs.Status", "DISABLED")).upper()
    if cloudwatch == "ENABLED" or s3 == "ENABLED":
        return passed(f"build logs kept ({'CloudWatch Logs' if cloudwatch == 'ENABLED' else 'S3'})")
    return failed(f"project {view.resource.origin.address or view.id} keeps no build logs")


_P = "AWS::CodeBuild::Project"
EXAMPLES = (
    Example("default", example_resource(_P, {"LogsConfig": {}}), FindingStatus.PASS),
    Example(
        "s3-only",
        example_resource(
            _P, {"LogsConfig": {"CloudWatchLogs": {"Status": "DISABLED"}, "S3Logs": {"Status": "ENABLED"}}}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "none",
        example_resource(_P, {"LogsConfig": {"CloudWatchLogs": {"Status": "DISABLED"}}}),
        FindingStatus.FAIL,
    ),
    Example(
        "status-not-a-string",
        example_resource(_P, {"LogsConfig": {"CloudWatchLogs": {"Status": True}}}),
        FindingStatus.UNKNOWN,
    ),
    Example("not-read-live", example_resource(_P, {}), FindingStatus.UNKNOWN),
)
