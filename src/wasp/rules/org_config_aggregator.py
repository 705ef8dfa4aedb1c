"""An organisation Config aggregator gathers each region of every member account."""

from collections.abc import Mapping
from typing import Any

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    failed,
    passed,
    unknown,
)
from wasp.rules._orgservice import (
    SERVICE_CONFIGURATION,
    configuration_example,
    delegated_administrators,
    judge,
    organisation_example,
    setting,
)

PRINCIPALS = ("config.amazonaws.com", "config-multiaccountsetup.amazonaws.com")
"""Service principals whose delegated administrator may own an organisation aggregator."""

META = RuleMeta(
    title="An organisation Config aggregator covers every region",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP02", "SEC04-BP04"),
    resource_type=SERVICE_CONFIGURATION,
    description="An organisation aggregator (in the management account or Config's delegated administrator) "
    "gives the security team one view of every member's resources and compliance; a region no organisation "
    "aggregator gathers is a hole in it. Judged region by region: the region is covered when an organisation "
    "aggregator in any region gathers all regions or lists it. config_aggregator_all_regions judges each "
    "aggregator's own definition. Read in organisation reviews from the reviewing account.",
    remediation=Remediation(
        console="AWS Config (management account or delegated administrator) > Aggregators > Create aggregator: "
        "Add my organization, Include all AWS Regions.",
        cli="aws configservice put-configuration-aggregator --configuration-aggregator-name org "
        "--organization-aggregation-source RoleArn=ROLE_ARN,AllAwsRegions=true",
        cloudformation="AWS::Config::ConfigurationAggregator {OrganizationAggregationSource: "
        "{RoleArn: ROLE_ARN, AllAwsRegions: true}}",
        terraform='resource "aws_config_configuration_aggregator" "org" { name = "org" '
        "organization_aggregation_source { all_regions = true role_arn = ROLE_ARN } }",
    ),
    iac=False,
    checkov=("CKV_AWS_121",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Covered by an organisation aggregator read in any region of this account; else see _uncovered."""
    return judge(view, ctx, "config", "Config", _decide)


def _decide(view: ResourceView, ctx: RuleContext) -> Verdict:
    region = view.resource.region or ""
    own = view.resource.properties["Configuration"].get("OrganizationAggregators")
    if not isinstance(own, list):
        view.note("OrganizationAggregators", own)
        return unknown(f"the organisation aggregators read in {region} are malformed")
    for i in range(len(own)):
        if setting(view, f"OrganizationAggregators.{i}.AllAwsRegions") is not True:
            regions = setting(view, f"OrganizationAggregators.{i}.AwsRegions")
            if not (isinstance(regions, list) and region in regions):
                continue
        name = setting(view, f"OrganizationAggregators.{i}.Name")
        return passed(f"organisation aggregator {name} ({region}) gathers {region}")
    unreadable: list[str] = []
    for res in ctx.inventory.of_type(SERVICE_CONFIGURATION):
        if res.account != view.resource.account or res.id == view.resource.id:
            continue
        if res.properties.get("Service") != "config":
            continue
        other = view.neighbour(res).peek("Configuration")
        if contains_unresolved(other) is not None:
            unreadable.append(res.region or "?")
            continue
        found = _gathering(
            region, other.get("OrganizationAggregators") if isinstance(other, Mapping) else None
        )
        if found:
            return passed(f"organisation aggregator {found} ({res.region}) gathers {region}")
    if unreadable:
        return unknown(
            f"no organisation aggregator read gathers {region}, and aggregators could not be read in "
            f"{', '.join(sorted(unreadable))}"
        )
    return _uncovered(view, ctx, region)


def _gathering(region: str, aggregators: Any) -> str | None:
    """The name of an organisation aggregator in ``aggregators`` that gathers ``region``."""
    for agg in aggregators if isinstance(aggregators, list) else []:
        if not isinstance(agg, Mapping):
            continue
        regions = agg.get("AwsRegions")
        if agg.get("AllAwsRegions") is True or (isinstance(regions, list) and region in regions):
            return str(agg.get("Name"))
    return None


def _uncovered(view: ResourceView, ctx: RuleContext, region: str) -> Verdict:
    """None here: a failure when no other account may own the organisation's aggregators."""
    account = view.resource.account
    known = [delegated_administrators(view, ctx, p) for p in PRINCIPALS]
    if any(admins is None for admins in known):
        return unknown(
            f"no organisation aggregator in {account} gathers {region}; it may be in Config's delegated "
            "administrator (not known here): run the review from the management account"
        )
    others = sorted({a for admins in known for a in admins or [] if a != account})
    if others:
        return unknown(
            f"no organisation aggregator in {account} gathers {region}; Config is delegated to "
            f"{', '.join(others)}, where it may be: run the review from there"
        )
    return failed(f"no organisation Config aggregator gathers {region}")


def _config(*aggregators: dict[str, Any], region: str = "eu-west-2") -> Any:
    return configuration_example("config", {"OrganizationAggregators": list(aggregators)}, region)


_ORG = organisation_example({})
EXAMPLES = (
    Example(
        "all-regions", _config({"Name": "org", "AllAwsRegions": True, "AwsRegions": []}), FindingStatus.PASS
    ),
    Example(
        "aggregated-from-another-region",
        _config(),
        FindingStatus.PASS,
        (_config({"Name": "org", "AllAwsRegions": True, "AwsRegions": []}, region="us-east-1"),),
    ),
    Example(
        "region-left-out",
        _config({"Name": "org", "AllAwsRegions": False, "AwsRegions": ["us-east-1"]}),
        FindingStatus.FAIL,
        (_ORG,),
    ),
    Example("none", _config(), FindingStatus.FAIL, (_ORG,)),
    Example(
        "delegated-elsewhere",
        _config(),
        FindingStatus.UNKNOWN,
        (organisation_example({"config.amazonaws.com": ["444455556666"]}),),
    ),
    Example("administrators-unknown", _config(), FindingStatus.UNKNOWN),
    Example(
        "unreadable",
        configuration_example(
            "config", Unresolved("config:describe_configuration_aggregators access_denied")
        ),
        FindingStatus.UNKNOWN,
    ),
)
