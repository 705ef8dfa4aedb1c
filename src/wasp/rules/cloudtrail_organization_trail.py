"""The organisation has an organisation trail: every member account's activity is logged centrally."""

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
    "it. Judged on the management account; a member account cannot see it (unknown).",
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
    """Management account: a multi-region organisation trail exists; member: unknown; no organisation: n/a."""
    account = view.resource.account
    org = next((o for o in ctx.inventory.of_type(ORG) if o.account == account), None)
    if org is None:
        return None
    if not view.neighbour(org).get(f"{SUPPLEMENTARY}.CallerIsManagement"):
        return unknown("an organisation trail is visible only from the management account")
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


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")


def _org(management: object = True) -> Resource:
    return example_resource(ORG, {SUPPLEMENTARY: {"CallerIsManagement": management}}, "o-abc")


def _trail(org: object) -> Resource:
    return example_resource(TRAIL, {"IsOrganizationTrail": org, "IsMultiRegionTrail": True}, "org")


EXAMPLES = (
    Example("org-trail", _ACCT, FindingStatus.PASS, (_org(), _trail(True))),
    Example("account-trail-only", _ACCT, FindingStatus.FAIL, (_org(), _trail(False))),
    Example("member", _ACCT, FindingStatus.UNKNOWN, (_org(False),)),
    Example("unreadable", _ACCT, FindingStatus.UNKNOWN, (_org(), _trail(Unresolved("denied")))),
)
