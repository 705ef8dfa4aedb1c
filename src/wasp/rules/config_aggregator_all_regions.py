"""AWS Config aggregators gather every region, so no region's configuration goes unseen."""

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

META = RuleMeta(
    title="AWS Config aggregators cover all regions",
    severity=Severity.LOW,
    best_practices=("SEC04-BP02",),
    resource_type="AWS::Config::ConfigurationAggregator",
    description="An aggregator limited to some regions gives the security team a central view with holes: "
    "resources started in any other region never appear in it. AllAwsRegions also picks up regions AWS adds.",
    remediation=Remediation(
        console="AWS Config > Aggregators > AGGREGATOR > Edit: Regions: Include all AWS Regions.",
        cli="aws configservice put-configuration-aggregator --configuration-aggregator-name NAME "
        "--organization-aggregation-source RoleArn=ROLE,AllAwsRegions=true",
        cloudformation="OrganizationAggregationSource: {RoleArn: !GetAtt AggregatorRole.Arn, AllAwsRegions: true}",
        terraform="organization_aggregation_source { all_regions = true  role_arn = aws_iam_role.config.arn }",
    ),
    checkov=("CKV_AWS_121",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail each source (accounts or the organisation) that does not gather all regions."""
    partial = []
    sources = view.get("AccountAggregationSources", [])
    sources = sources if isinstance(sources, list) else []
    for i in range(len(sources)):
        if not flag(view, f"AccountAggregationSources.{i}.AllAwsRegions", False):
            partial.append(f"account source {i + 1}")
    if view.get("OrganizationAggregationSource") and not (
        flag(view, "OrganizationAggregationSource.AllAwsRegions", False)
    ):
        partial.append("the organisation source")
    if not sources and not view.get("OrganizationAggregationSource"):
        return unknown("the aggregator names no source to judge")
    if partial:
        return failed(
            f"Config aggregator {view.label('ConfigurationAggregatorName')}: {', '.join(partial)} "
            "gathers only some regions"
        )
    return passed("every source gathers all regions")


_T = "AWS::Config::ConfigurationAggregator"
EXAMPLES = (
    Example(
        "org-all",
        example_resource(
            _T, {"OrganizationAggregationSource": {"RoleArn": "arn:aws:iam::1:role/c", "AllAwsRegions": True}}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "org-some",
        example_resource(
            _T, {"OrganizationAggregationSource": {"RoleArn": "r", "AwsRegions": ["eu-west-2"]}}
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "accounts-some",
        example_resource(
            _T, {"AccountAggregationSources": [{"AccountIds": ["111122223333"], "AwsRegions": ["eu-west-2"]}]}
        ),
        FindingStatus.FAIL,
    ),
)
