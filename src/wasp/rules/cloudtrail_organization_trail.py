"""The organisation has an organisation trail: every member account's activity is logged centrally."""

from collections.abc import Mapping

from wasp.model import ACCOUNT_TYPE, FindingStatus, Resource, Severity, Unresolved
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
    unknown,
)
from wasp.rules._orgservice import SERVICE_CONFIGURATION, configuration_example

ORG = "AWS::Organizations::Organization"
TRAIL = "AWS::CloudTrail::Trail"

META = RuleMeta(
    title="An organisation trail logs every account",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC04-BP02"),
    resource_type=ACCOUNT_TYPE,
    related_types=(ORG, TRAIL),
    description="An organisation trail, created in the management account (or a delegated administrator), "
    "logs every member account in every region to one log-archive bucket, and member accounts cannot stop "
    "it. Judged on the management account; elsewhere (a delegated administrator) an organisation review sees "
    "it as a shadow trail homed in the management account; nothing visible from another account is unknown "
    "(absence there is not proof).",
    remediation=Remediation(
        console="CloudTrail (management account) > Create trail: Enable for all accounts in my organization, "
        "multi-region, to the log-archive bucket.",
        cli="aws cloudtrail create-trail --name org --s3-bucket-name LOG_ARCHIVE --is-organization-trail "
        "--is-multi-region-trail && aws cloudtrail start-logging --name org",
        cloudformation="AWS::CloudTrail::Trail {IsOrganizationTrail: true, IsMultiRegionTrail: true, IsLogging: true}",
        terraform='resource "aws_cloudtrail" "org" { is_organization_trail = true is_multi_region_trail = true }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Management account: a multi-region organisation trail exists; elsewhere: a visible one, else unknown."""
    account = view.resource.account
    org = next((o for o in ctx.inventory.of_type(ORG) if o.account == account), None)
    if org is None:
        return None
    if not view.neighbour(org).get(f"{SUPPLEMENTARY}.CallerIsManagement"):
        return _from_member(view, ctx)
    found = []
    for trail in ctx.inventory.of_type(TRAIL):
        if trail.account != account:
            continue
        n = view.neighbour(trail)
        if n.get("IsOrganizationTrail") and n.get("IsMultiRegionTrail"):
            found.append(trail.id)
    if found:
        return passed(f"organisation trail: {', '.join(found)}")
    return failed("no multi-region organisation trail: member accounts' activity is not logged centrally")


def _from_member(view: ResourceView, ctx: RuleContext) -> Verdict:
    """Not the management account: pass on a visible (shadow) multi-region organisation trail, else unknown."""
    account = view.resource.account
    seen: list[str] = []
    for res in ctx.inventory.of_type(SERVICE_CONFIGURATION):
        if res.account != account or res.properties.get("Service") != "cloudtrail":
            continue
        config = view.neighbour(res).peek("Configuration")
        for trail in config.get("OrganizationTrails", []) if isinstance(config, Mapping) else []:
            if trail.get("IsMultiRegionTrail"):
                seen.append(f"{trail.get('TrailARN') or trail.get('Name')} (home {trail.get('HomeRegion')})")
    if seen:
        return passed(f"organisation trail seen from {account}: {', '.join(sorted(set(seen)))}")
    return unknown(
        "no multi-region organisation trail is visible from this account, which is not the management "
        "account: absence here is not proof (run an organisation review, or from the management account)"
    )


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")


def _org(management: object = True) -> Resource:
    return example_resource(ORG, {SUPPLEMENTARY: {"CallerIsManagement": management}}, "o-abc")


def _trail(org: object) -> Resource:
    return example_resource(TRAIL, {"IsOrganizationTrail": org, "IsMultiRegionTrail": True}, "org")


_SHADOW = {
    "Name": "org",
    "TrailARN": "arn:aws:cloudtrail:us-east-1:999999999999:trail/org",
    "HomeRegion": "us-east-1",
    "IsMultiRegionTrail": True,
}
EXAMPLES = (
    Example("org-trail", _ACCT, FindingStatus.PASS, (_org(), _trail(True))),
    Example("account-trail-only", _ACCT, FindingStatus.FAIL, (_org(), _trail(False))),
    Example("member", _ACCT, FindingStatus.UNKNOWN, (_org(False),)),
    Example(
        "shadow-org-trail-in-delegated-admin",
        _ACCT,
        FindingStatus.PASS,
        (_org(False), configuration_example("cloudtrail", {"OrganizationTrails": [_SHADOW]})),
    ),
    Example(
        "single-region-shadow",
        _ACCT,
        FindingStatus.UNKNOWN,
        (
            _org(False),
            configuration_example(
                "cloudtrail", {"OrganizationTrails": [{**_SHADOW, "IsMultiRegionTrail": False}]}
            ),
        ),
    ),
    Example(
        "shadow-unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (
            _org(False),
            configuration_example("cloudtrail", Unresolved("cloudtrail:describe_trails access_denied")),
        ),
    ),
    Example("unreadable", _ACCT, FindingStatus.UNKNOWN, (_org(), _trail(Unresolved("denied")))),
)
