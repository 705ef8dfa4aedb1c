"""The account-level default for new instances requires IMDSv2 in every in-scope region."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
)
from wasp.rules._regional import RegionState, off, on, regional_verdict, setting_judge

META = RuleMeta(
    title="Account default for instance metadata requires IMDSv2",
    severity=Severity.LOW,
    best_practices=("SEC02-BP02",),
    resource_type=ACCOUNT_TYPE,
    description="The regional default applies to every launch that does not say otherwise, including ones made "
    "outside the workload's templates.",
    remediation=Remediation(
        console="EC2 > Settings (per region) > Data protection and security > IMDS defaults > Manage > Metadata version: V2 only.",
        cli="aws ec2 modify-instance-metadata-defaults --http-tokens required --region REGION",
        cloudformation="No native resource; set per region with the CLI.",
        terraform='resource "aws_ec2_instance_metadata_defaults" "this" { http_tokens = "required" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every in-scope region must default to HttpTokens=required (no account default set is off)."""
    judge = setting_judge(view, "InstanceMetadataDefaults.HttpTokens", _decide)
    return regional_verdict(view, ctx, "IMDSv2 as the default", judge)


def _decide(tokens: object) -> RegionState:
    return on() if tokens == "required" else off(f"HttpTokens={tokens or 'no default'}")


_W = WorkloadScope(regions=("eu-west-2",))
EXAMPLES = (
    Example(
        "v2",
        example_resource(
            ACCOUNT_TYPE, {"Regions": {"eu-west-2": {"InstanceMetadataDefaults": {"HttpTokens": "required"}}}}
        ),
        FindingStatus.PASS,
        workload=_W,
    ),
    Example(
        "unset",
        example_resource(
            ACCOUNT_TYPE, {"Regions": {"eu-west-2": {"InstanceMetadataDefaults": {"HttpTokens": None}}}}
        ),
        FindingStatus.FAIL,
        workload=_W,
    ),
    Example(
        "unreadable",
        example_resource(
            ACCOUNT_TYPE,
            {"Regions": {"eu-west-2": {"InstanceMetadataDefaults": {"HttpTokens": Unresolved("denied")}}}},
        ),
        FindingStatus.UNKNOWN,
        workload=_W,
    ),
)
