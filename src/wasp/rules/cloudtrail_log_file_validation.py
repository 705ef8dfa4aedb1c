"""CloudTrail trails have log-file integrity validation on."""

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
)

META = RuleMeta(
    title="CloudTrail log-file validation is enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::CloudTrail::Trail",
    description="Digest files let an investigator prove that log files were not altered or deleted.",
    remediation=Remediation(
        console="CloudTrail > Trails > TRAIL > General details > Edit > Log file validation: Enabled.",
        cli="aws cloudtrail update-trail --name TRAIL --enable-log-file-validation",
        cloudformation="EnableLogFileValidation: true",
        terraform="enable_log_file_validation = true",
    ),
    checkov=("CKV_AWS_36",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless EnableLogFileValidation is true."""
    if view.get("EnableLogFileValidation") in (True, "true"):
        return passed("log-file validation on")
    return failed(f"trail {view.id} has log-file validation off")


EXAMPLES = (
    Example(
        "on",
        example_resource("AWS::CloudTrail::Trail", {"EnableLogFileValidation": True}),
        FindingStatus.PASS,
    ),
    Example("off", example_resource("AWS::CloudTrail::Trail", {}), FindingStatus.FAIL),
)
