"""GuardDuty, Security Hub, Config and Inspector are administered from a delegated security account."""

from typing import Any

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
SERVICES = {
    "GuardDuty": ("guardduty.amazonaws.com",),
    "Security Hub": ("securityhub.amazonaws.com",),
    "Config": ("config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"),
    "Inspector": ("inspector2.amazonaws.com",),
}
"""Each security service and the service principals whose delegated administrator runs it organisation-wide."""

META = RuleMeta(
    title="Security services are run from a delegated administrator account",
    severity=Severity.MEDIUM,
    best_practices=("SEC01-BP01", "SEC04-BP02"),
    resource_type=ACCOUNT_TYPE,
    related_types=(ORG,),
    description="A security tooling account, delegated to administer GuardDuty, Security Hub, Config "
    "(aggregator) and Inspector, sees every account's findings in one place and keeps the management account "
    "for billing and guardrails only. Read from the management account; elsewhere it is unknown.",
    remediation=Remediation(
        console="In the management account: GuardDuty / Security Hub / Inspector > Settings > Delegated "
        "administrator: the security tooling account; Config: register it for config.amazonaws.com.",
        cli="aws guardduty enable-organization-admin-account --admin-account-id SECURITY; aws securityhub "
        "enable-organization-admin-account --admin-account-id SECURITY; aws inspector2 enable-delegated-admin-"
        "account --delegated-admin-account-id SECURITY; aws organizations register-delegated-administrator "
        "--account-id SECURITY --service-principal config.amazonaws.com",
        cloudformation="AWS::GuardDuty::... not expressible: use the CLI above (or Control Tower / LZA)",
        terraform="aws_guardduty_organization_admin_account, aws_securityhub_organization_admin_account, "
        "aws_inspector2_delegated_admin_account, aws_organizations_delegated_administrator",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Judged on the management account; each service needs a delegated admin other than itself."""
    account = view.resource.account
    orgs = ctx.inventory.of_type(ORG)
    org = next((o for o in orgs if o.account == account), None)
    if org is None:
        return None  # not in an organisation: org_in_use says so
    n = view.neighbour(org)
    if not n.get(f"{SUPPLEMENTARY}.CallerIsManagement"):
        return unknown("delegated administrators can be listed only from the management account")
    delegated: Any = n.get(f"{SUPPLEMENTARY}.DelegatedAdministrators", {})
    missing = []
    for service, principals in SERVICES.items():
        admins = [a for p in principals for a in delegated.get(p, []) if a != account]
        if not admins:
            missing.append(service)
    view.note("delegated_administrators", delegated)
    if missing:
        return failed(f"no delegated administrator for {', '.join(missing)}")
    return passed("GuardDuty, Security Hub, Config and Inspector are run from a delegated administrator")


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")


def _org(delegated: Any, management: bool = True) -> Resource:
    props = {SUPPLEMENTARY: {"CallerIsManagement": management, "DelegatedAdministrators": delegated}}
    return example_resource(ORG, props, "o-abc")


_ALL = {p: ["444455556666"] for principals in SERVICES.values() for p in principals[:1]}
EXAMPLES = (
    Example("delegated", _ACCT, FindingStatus.PASS, (_org(_ALL),)),
    Example("guardduty-missing", _ACCT, FindingStatus.FAIL, (_org({**_ALL, "guardduty.amazonaws.com": []}),)),
    Example("unreadable", _ACCT, FindingStatus.UNKNOWN, (_org(Unresolved("denied")),)),
    Example("member", _ACCT, FindingStatus.UNKNOWN, (_org({}, management=False),)),
)
