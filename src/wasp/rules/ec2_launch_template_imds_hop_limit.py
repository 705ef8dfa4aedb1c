"""EC2 launch templates keep instance metadata responses to one network hop."""

from dataclasses import replace

from wasp.model import FindingStatus, Origin, OriginKind, Severity
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
    title="Launch templates keep the metadata hop limit at 1",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02", "SEC06-BP02"),
    resource_type="AWS::EC2::LaunchTemplate",
    description="With a hop limit above 1, IMDSv2 tokens and therefore the instance role's temporary "
    "credentials reach containers and anything forwarding traffic on the host. Live, the limit is judged "
    "once the collector reads it (unknown until then).",
    remediation=Remediation(
        console="EC2 > Launch templates > TEMPLATE > Modify (new version) > Advanced details > Metadata "
        "response hop limit: 1.",
        cli="aws ec2 create-launch-template-version --launch-template-id ID --source-version $Latest "
        '--launch-template-data \'{"MetadataOptions":{"HttpPutResponseHopLimit":1}}\'',
        cloudformation="LaunchTemplateData: {MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}}",
        terraform='metadata_options { http_tokens = "required" http_put_response_hop_limit = 1 }',
    ),
    checkov=("CKV_AWS_341",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail a hop limit above 1."""
    return hop_limit_verdict(
        view, "LaunchTemplateData.MetadataOptions", f"launch template {view.label('LaunchTemplateName')}"
    )


_T = "AWS::EC2::LaunchTemplate"
_IN_TEMPLATE = Origin(kind=OriginKind.CLOUDFORMATION, file="lt.yaml", line=1, address="Template")


def _data(options: dict[str, object]) -> dict[str, object]:
    return {"LaunchTemplateData": {"MetadataOptions": options}}


EXAMPLES = (
    Example("one", example_resource(_T, _data({"HttpPutResponseHopLimit": 1})), FindingStatus.PASS),
    Example("three", example_resource(_T, _data({"HttpPutResponseHopLimit": 3})), FindingStatus.FAIL),
    Example(
        "unset-in-a-template",
        replace(example_resource(_T, _data({"HttpTokens": "required"})), origin=_IN_TEMPLATE),
        FindingStatus.PASS,
    ),
    Example(
        "not-collected-live", example_resource(_T, _data({"HttpTokens": "required"})), FindingStatus.UNKNOWN
    ),
)
