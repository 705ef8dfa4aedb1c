"""GuardDuty, Security Hub, Config and Inspector are administered from a delegated security account."""

from collections.abc import Mapping
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
from wasp.rules._orgservice import SERVICE_CONFIGURATION, configuration_example

ORG = "AWS::Organizations::Organization"
SERVICES = {
    "GuardDuty": ("guardduty.amazonaws.com",),
    "Security Hub": ("securityhub.amazonaws.com",),
    "Config": ("config.amazonaws.com", "config-multiaccountsetup.amazonaws.com"),
    "Inspector": ("inspector2.amazonaws.com",),
}
"""Each security service and the service principals whose delegated administrator runs it organisation-wide."""
ADMINISTERED = {
    "guardduty": "GuardDuty",
    "securityhub": "Security Hub",
    "inspector2": "Inspector",
    "config": "Config",
}
"""The org-configuration reads (``orgservices``) whose success proves the reviewing account administers the service."""

META = RuleMeta(
    title="Security services are run from a delegated administrator account",
    severity=Severity.MEDIUM,
    best_practices=("SEC01-BP01", "SEC04-BP02"),
    resource_type=ACCOUNT_TYPE,
    related_types=(ORG,),
    description="A security tooling account, delegated to administer GuardDuty, Security Hub, Config "
    "(aggregator) and Inspector, sees every account's findings in one place and keeps the management account "
    "for billing and guardrails only. Read from the management account or Organizations' delegated "
    "administrator; from another account, a service counts as delegated when that account administers it "
    "itself (ListDelegatedServicesForAccount, or its organisation configuration read in an organisation "
    "review), and the others are unknown.",
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
    management = n.get(f"{SUPPLEMENTARY}.CallerIsManagement")
    if not management and n.peek(f"{SUPPLEMENTARY}.DelegatedAdministrators") is None:
        return _from_member(view, ctx, n.peek(f"{SUPPLEMENTARY}.CallerDelegatedServices"))
    delegated: Any = n.get(f"{SUPPLEMENTARY}.DelegatedAdministrators", {})
    management_id = account if management else n.get(f"{SUPPLEMENTARY}.ManagementAccountId")
    missing = []
    for service, principals in SERVICES.items():
        admins = [a for p in principals for a in delegated.get(p, []) if a != management_id]
        if not admins:
            missing.append(service)
    view.note("delegated_administrators", delegated)
    if missing:
        return failed(f"no delegated administrator for {', '.join(missing)}")
    return passed("GuardDuty, Security Hub, Config and Inspector are run from a delegated administrator")


def _from_member(view: ResourceView, ctx: RuleContext, own: Any) -> Verdict:
    """Not the management account, delegations not listable: the services this account administers itself."""
    account = view.resource.account
    mine = {s for s, principals in SERVICES.items() if isinstance(own, list) and set(principals) & set(own)}
    for res in ctx.inventory.of_type(SERVICE_CONFIGURATION):
        name = ADMINISTERED.get(str(res.properties.get("Service")))
        if res.account != account or name is None:
            continue
        config = view.neighbour(res).peek("Configuration")
        if _proves_administration(str(res.properties.get("Service")), config):
            mine.add(name)
    view.note("administered_here", sorted(mine))
    if len(mine) == len(SERVICES):
        return passed(f"{account}, not the management account, administers {', '.join(SERVICES)}")
    rest = [s for s in SERVICES if s not in mine]
    held = f"{account} administers {', '.join(sorted(mine))}; " if mine else ""
    why = f" ({own.reason})" if isinstance(own, Unresolved) else ""
    return unknown(
        f"{held}the delegated administrators of {', '.join(rest)} can be listed only from the management "
        f"account or Organizations' delegated administrator{why}"
    )


def _proves_administration(service: str, config: Any) -> bool:
    """A readable organisation configuration is answered only to the service's administrator."""
    if not isinstance(config, Mapping):
        return False
    if service == "guardduty":
        return bool(config.get("DetectorId")) and len(config) > 1  # the describe was answered
    if service == "config":
        return bool(config.get("OrganizationAggregators"))
    return True


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")


def _org(delegated: Any, management: bool = True, own: Any = None) -> Resource:
    sup: dict[str, Any] = {"CallerIsManagement": management, "ManagementAccountId": "999999999999"}
    if management:
        sup["ManagementAccountId"] = "111122223333"
    if delegated is not None:
        sup["DelegatedAdministrators"] = delegated
    if own is not None:
        sup["CallerDelegatedServices"] = own
    return example_resource(ORG, {SUPPLEMENTARY: sup}, "o-abc")


_ALL = {p: ["444455556666"] for principals in SERVICES.values() for p in principals[:1]}
EXAMPLES = (
    Example("delegated", _ACCT, FindingStatus.PASS, (_org(_ALL),)),
    Example("guardduty-missing", _ACCT, FindingStatus.FAIL, (_org({**_ALL, "guardduty.amazonaws.com": []}),)),
    Example("unreadable", _ACCT, FindingStatus.UNKNOWN, (_org(Unresolved("denied")),)),
    Example("member", _ACCT, FindingStatus.UNKNOWN, (_org(None, management=False),)),
    Example(
        "member-denied-its-delegations",
        _ACCT,
        FindingStatus.UNKNOWN,
        (_org(None, False, Unresolved("organizations:list_delegated_services_for_account access_denied")),),
    ),
    Example(
        "organizations-delegated-admin-lists-them",
        _ACCT,
        FindingStatus.PASS,
        (_org({p: ["111122223333"] for p in _ALL}, management=False),),
    ),
    Example(
        "organizations-delegated-admin-guardduty-missing",
        _ACCT,
        FindingStatus.FAIL,
        (_org({**_ALL, "guardduty.amazonaws.com": ["999999999999"]}, management=False),),
    ),
    Example(
        "security-account-administers-all",
        _ACCT,
        FindingStatus.PASS,
        (_org(None, False, [p for principals in SERVICES.values() for p in principals[:1]]),),
    ),
    Example(
        "security-account-by-its-org-configuration",
        _ACCT,
        FindingStatus.PASS,
        (
            _org(None, False, ["config.amazonaws.com"]),
            configuration_example("guardduty", {"DetectorId": "d1", "AutoEnableOrganizationMembers": "ALL"}),
            configuration_example("securityhub", {"AutoEnable": True, "AutoEnableStandards": "DEFAULT"}),
            configuration_example("inspector2", {"autoEnable": {"ec2": True}}),
        ),
    ),
    Example(
        "security-account-some-unknown",
        _ACCT,
        FindingStatus.UNKNOWN,
        (
            _org(None, False, ["guardduty.amazonaws.com"]),
            configuration_example(
                "inspector2", Unresolved("inspector2:describe_organization_configuration x")
            ),
        ),
    ),
)
