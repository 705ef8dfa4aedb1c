"""Global Accelerator accelerators keep flow logs."""

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
from wasp.rules._shape import flag

ACCELERATOR = "AWS::GlobalAccelerator::Accelerator"

META = RuleMeta(
    title="Global Accelerator accelerators keep flow logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type=ACCELERATOR,
    description="An accelerator is a public entry point; its flow logs (to S3) record every client address, "
    "port and the endpoint it reached, which investigating an attack on the applications behind it needs. "
    "CloudFormation cannot set them, so templates are left unknown.",
    remediation=Remediation(
        console="Global Accelerator > ACCELERATOR > Edit > Flow logs: on, with an S3 bucket.",
        cli="aws globalaccelerator update-accelerator-attributes --accelerator-arn ARN --flow-logs-enabled "
        "--flow-logs-s3-bucket BUCKET --flow-logs-s3-prefix accelerator/ --region us-west-2",
        cloudformation="Not settable in CloudFormation: enable with the CLI (or a custom resource) after deploy.",
        terraform="attributes { flow_logs_enabled = true  flow_logs_s3_bucket = aws_s3_bucket.logs.bucket  "
        'flow_logs_s3_prefix = "accelerator/" }',
    ),
    checkov=("CKV_AWS_75",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Terraform (and a collector) state the flow-log setting; a template cannot, so it is unknown there."""
    if "FlowLogs" not in view.resource.properties:
        return unknown(
            f"the flow-log setting of accelerator {view.id} is not stated (CloudFormation cannot set it)"
        )
    if flag(view, "FlowLogs.Enabled", False):
        return passed("flow logs on")
    return failed(f"accelerator {view.resource.origin.address or view.id} keeps no flow logs")


EXAMPLES = (
    Example(
        "on",
        example_resource(ACCELERATOR, {"FlowLogs": {"Enabled": True, "S3Bucket": "logs"}}),
        FindingStatus.PASS,
    ),
    Example("off", example_resource(ACCELERATOR, {"FlowLogs": {"Enabled": False}}), FindingStatus.FAIL),
    Example("not-stated", example_resource(ACCELERATOR, {"Name": "edge"}), FindingStatus.UNKNOWN),
)
