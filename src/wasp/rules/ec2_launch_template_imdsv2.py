"""Launch templates require IMDSv2."""

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
    title="Launch templates require IMDSv2",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::EC2::LaunchTemplate",
    description="Every instance an Auto Scaling group launches inherits the template's metadata options.",
    remediation=Remediation(
        console="EC2 > Launch templates > TEMPLATE > Modify template (Create new version) > Advanced details > "
        "Metadata version: V2 only (token required); set it as default.",
        cli="aws ec2 create-launch-template-version --launch-template-id LT --source-version 1 "
        '--launch-template-data \'{"MetadataOptions":{"HttpTokens":"required"}}\'',
        cloudformation="LaunchTemplateData: {MetadataOptions: {HttpTokens: required}}",
        terraform='metadata_options { http_tokens = "required" }',
    ),
    checkov=("CKV_AWS_79",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The default version must require tokens."""
    if view.get("LaunchTemplateData.MetadataOptions.HttpEndpoint") == "disabled":
        return passed("instance metadata service disabled")
    tokens = view.get("LaunchTemplateData.MetadataOptions.HttpTokens")
    if tokens == "required":
        return passed("IMDSv2 required")
    return failed(f"launch template {view.get('LaunchTemplateName', view.id)} allows IMDSv1")


EXAMPLES = (
    Example(
        "v2",
        example_resource(
            "AWS::EC2::LaunchTemplate",
            {"LaunchTemplateData": {"MetadataOptions": {"HttpTokens": "required"}}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "v1", example_resource("AWS::EC2::LaunchTemplate", {"LaunchTemplateData": {}}), FindingStatus.FAIL
    ),
)
