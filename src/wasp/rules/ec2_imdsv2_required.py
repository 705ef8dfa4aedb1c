"""Instances require IMDSv2 (session tokens) for the instance metadata service."""

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
)

META = RuleMeta(
    title="EC2 instances require IMDSv2",
    severity=Severity.HIGH,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::EC2::Instance",
    description="IMDSv1 answers any request, so an SSRF bug hands out the instance role's temporary "
    "credentials; IMDSv2 requires a session token.",
    remediation=Remediation(
        console="EC2 > Instances > INSTANCE > Actions > Instance settings > Modify instance metadata "
        "options > IMDSv2 Required.",
        cli="aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required --http-endpoint enabled",
        cloudformation="MetadataOptions: {HttpTokens: required}  # on the instance or its launch template",
        terraform='metadata_options { http_tokens = "required" }',
    ),
    checkov=("CKV_AWS_79",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Terminated instances are skipped; the rest need HttpTokens=required (or the endpoint off)."""
    if view.get(f"{SUPPLEMENTARY}.State") in ("terminated", "shutting-down"):
        return None
    if view.get("MetadataOptions.HttpEndpoint") == "disabled":
        return passed("instance metadata service is disabled")
    tokens = view.get("MetadataOptions.HttpTokens")
    if tokens == "required":
        return passed("IMDSv2 is required")
    return failed(f"instance {view.id} allows IMDSv1 (HttpTokens={tokens or 'optional'})")


EXAMPLES = (
    Example(
        "v2",
        example_resource("AWS::EC2::Instance", {"MetadataOptions": {"HttpTokens": "required"}}),
        FindingStatus.PASS,
    ),
    Example(
        "v1",
        example_resource("AWS::EC2::Instance", {"MetadataOptions": {"HttpTokens": "optional"}}),
        FindingStatus.FAIL,
    ),
    Example("default", example_resource("AWS::EC2::Instance", {}), FindingStatus.FAIL),
)
