"""Auto Scaling launch configurations keep instance metadata responses to one network hop."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._iam_launch import hop_limit_verdict

META = RuleMeta(
    title="Launch configurations keep the metadata hop limit at 1",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02", "SEC06-BP02"),
    resource_type="AWS::AutoScaling::LaunchConfiguration",
    description="With a hop limit above 1, IMDSv2 tokens and therefore the instance role's temporary "
    "credentials reach containers and anything forwarding traffic on the host.",
    remediation=Remediation(
        console="Copy the launch configuration (or move to a launch template) with the metadata response hop "
        "limit at 1.",
        cli="aws autoscaling create-launch-configuration ... --metadata-options HttpTokens=required,"
        "HttpPutResponseHopLimit=1",
        cloudformation="MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}",
        terraform='metadata_options { http_tokens = "required" http_put_response_hop_limit = 1 }',
    ),
    checkov=("CKV_AWS_341",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail a hop limit above 1."""
    return hop_limit_verdict(
        view, "MetadataOptions", f"launch configuration {view.label('LaunchConfigurationName')}"
    )


_T = "AWS::AutoScaling::LaunchConfiguration"
EXAMPLES = (
    Example(
        "one", example_resource(_T, {"MetadataOptions": {"HttpPutResponseHopLimit": 1}}), FindingStatus.PASS
    ),
    Example(
        "two", example_resource(_T, {"MetadataOptions": {"HttpPutResponseHopLimit": 2}}), FindingStatus.FAIL
    ),
    Example(
        "not-collected",
        example_resource(_T, {"MetadataOptions": {"HttpTokens": "required"}}),
        FindingStatus.UNKNOWN,
    ),
)
