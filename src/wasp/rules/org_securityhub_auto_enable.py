"""Security Hub's organisation configuration enables new members with the default standards (or is central)."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    failed,
    passed,
    unknown,
)
from wasp.rules._orgservice import SERVICE_CONFIGURATION, configuration_example, judge, setting

META = RuleMeta(
    title="Security Hub auto-enables organisation members and their default standards",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP02", "SEC04-BP03", "SEC01-BP06"),
    resource_type=SERVICE_CONFIGURATION,
    description="Central configuration (configuration policies from the delegated administrator) governs every "
    "member's Security Hub, standards and controls. With local configuration, each region must auto-enable "
    "Security Hub in new members and auto-enable the default standards, or accounts that join later send no "
    "findings to the administrator. Read in organisation reviews from the Security Hub delegated "
    "administrator.",
    remediation=Remediation(
        console="Security Hub (delegated administrator) > Configuration > Start central configuration "
        "(or, local: Auto-enable accounts and Auto-enable default standards in each region).",
        cli="aws securityhub update-organization-configuration --auto-enable "
        "--auto-enable-standards DEFAULT --region REGION  # or --organization-configuration "
        "ConfigurationType=CENTRAL",
        cloudformation="AWS::SecurityHub::OrganizationConfiguration {ConfigurationType: CENTRAL} "
        "(or {AutoEnable: true, AutoEnableStandards: DEFAULT, ConfigurationType: LOCAL})",
        terraform='resource "aws_securityhub_organization_configuration" "this" { auto_enable = false '
        'auto_enable_standards = "NONE" organization_configuration { configuration_type = "CENTRAL" } }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """CENTRAL and ENABLED passes; LOCAL needs AutoEnable and AutoEnableStandards DEFAULT."""
    return judge(view, ctx, "securityhub", "Security Hub", _decide)


def _decide(view: ResourceView, ctx: RuleContext) -> Verdict:
    region = view.resource.region
    if setting(view, "OrganizationConfiguration.ConfigurationType") == "CENTRAL":
        status = setting(view, "OrganizationConfiguration.Status")
        if status == "ENABLED":
            return passed(f"Security Hub is centrally configured in {region}: policies govern every member")
        if status == "PENDING":
            return unknown(f"Security Hub central configuration is still being set up in {region} (PENDING)")
        message = setting(view, "OrganizationConfiguration.StatusMessage")
        detail = f": {message}" if isinstance(message, str) and message else ""
        return failed(f"Security Hub central configuration is {status} in {region}{detail}")
    missing = []
    if setting(view, "AutoEnable") is not True:
        missing.append("new members are not enabled")
    if setting(view, "AutoEnableStandards") != "DEFAULT":
        missing.append("the default standards are not enabled for new members")
    if missing:
        return failed(f"Security Hub (local configuration) in {region}: {'; '.join(missing)}")
    return passed(f"Security Hub enables new members with the default standards in {region}")


_SH = "securityhub"
_LOCAL = {"AutoEnable": True, "AutoEnableStandards": "DEFAULT", "MemberAccountLimitReached": False}
_CENTRAL = {
    "AutoEnable": False,
    "AutoEnableStandards": "NONE",
    "OrganizationConfiguration": {"ConfigurationType": "CENTRAL", "Status": "ENABLED"},
}
EXAMPLES = (
    Example("local-auto", configuration_example(_SH, _LOCAL), FindingStatus.PASS),
    Example("central", configuration_example(_SH, _CENTRAL), FindingStatus.PASS),
    Example(
        "no-standards",
        configuration_example(_SH, {**_LOCAL, "AutoEnableStandards": "NONE"}),
        FindingStatus.FAIL,
    ),
    Example(
        "no-auto-enable", configuration_example(_SH, {**_LOCAL, "AutoEnable": False}), FindingStatus.FAIL
    ),
    Example(
        "central-failed",
        configuration_example(
            _SH,
            {
                **_CENTRAL,
                "OrganizationConfiguration": {
                    "ConfigurationType": "CENTRAL",
                    "Status": "FAILED",
                    "StatusMessage": "aggregation Region missing",
                },
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "central-pending",
        configuration_example(
            _SH,
            {**_CENTRAL, "OrganizationConfiguration": {"ConfigurationType": "CENTRAL", "Status": "PENDING"}},
        ),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "not-the-administrator",
        configuration_example(
            _SH, Unresolved("securityhub:describe_organization_configuration access_denied")
        ),
        FindingStatus.UNKNOWN,
    ),
)
