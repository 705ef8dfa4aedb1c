"""GuardDuty's organisation configuration enrols every member account, existing and new, in each region."""

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
from wasp.rules._orgservice import (
    SERVICE_CONFIGURATION,
    configuration_example,
    delegated_administrators,
    judge,
    organisation_example,
    setting,
)

PRINCIPAL = "guardduty.amazonaws.com"

META = RuleMeta(
    title="GuardDuty auto-enables every organisation member in each region",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC04-BP03", "SEC01-BP06"),
    resource_type=SERVICE_CONFIGURATION,
    description="The GuardDuty administrator's organisation configuration decides which accounts are watched in "
    "a region: ALL enrols every existing and new member (and re-enrols one that was disassociated), NEW only "
    "accounts that join later, NONE none. NEW is never a pass: existing members are watched only if each was "
    "enabled by hand, which this configuration cannot show (guardduty_enabled judges each reviewed account). "
    "A region where the administrator has no detector has no organisation configuration: no member is "
    "enrolled there. Read in organisation reviews from the GuardDuty delegated administrator.",
    remediation=Remediation(
        console="GuardDuty (delegated administrator), each region > Accounts > Auto-enable GuardDuty: "
        "Enable for all accounts.",
        cli="aws guardduty update-organization-configuration --detector-id ID "
        "--auto-enable-organization-members ALL --region REGION",
        cloudformation="No resource type; set it from the delegated administrator with the CLI.",
        terraform='resource "aws_guardduty_organization_configuration" "this" { detector_id = ID '
        'auto_enable_organization_members = "ALL" }',
    ),
    iac=False,
    checkov=("CKV2_AWS_3",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """ALL passes; NEW is unknown (existing members unseen here); NONE fails; no detector: see _no_detector."""
    return judge(view, ctx, "guardduty", "GuardDuty", _decide)


def _decide(view: ResourceView, ctx: RuleContext) -> Verdict:
    region = view.resource.region
    detector = setting(view, "DetectorId")
    if detector is None:
        return _no_detector(view, ctx)
    if not isinstance(detector, str):
        return unknown(f"the GuardDuty detector id in {region} is malformed")
    members = setting(view, "AutoEnableOrganizationMembers")
    if members is None:
        # answers from before AutoEnableOrganizationMembers: AutoEnable true meant new accounts only
        members = "NEW" if setting(view, "AutoEnable") is True else "NONE"
    view.note("auto_enable_organization_members", members)
    if members == "ALL":
        return passed(f"GuardDuty enrols every member account in {region}, existing and new")
    if members == "NEW":
        return unknown(
            f"GuardDuty auto-enables only accounts that join later in {region} (NEW): existing members are "
            "watched only if each was enabled by hand, which the organisation configuration cannot show; "
            "set ALL"
        )
    return failed(f"GuardDuty enrols no member account automatically in {region} ({members})")


def _no_detector(view: ResourceView, ctx: RuleContext) -> Verdict:
    """No detector in the reviewing account here: a failure only when this account is (or no one is) the admin."""
    region = view.resource.region
    account = view.resource.account
    admins = delegated_administrators(view, ctx, PRINCIPAL)
    if admins is not None and account in admins:
        return failed(
            f"the GuardDuty administrator {account} has no detector in {region}: no member is enrolled"
        )
    if admins == []:
        return failed(
            f"GuardDuty has no delegated administrator and {account} no detector in {region}: "
            "no organisation configuration enrols members"
        )
    if admins:
        return unknown(
            f"GuardDuty is administered from {', '.join(admins)}: its organisation configuration in {region} "
            "is readable there; run the review from it"
        )
    return unknown(
        f"{account} has no GuardDuty detector in {region} and may not be the GuardDuty administrator: the "
        "organisation configuration is readable only from the delegated administrator"
    )


_GD = "guardduty"
_ALL = {"DetectorId": "d1", "AutoEnable": True, "AutoEnableOrganizationMembers": "ALL"}
_ME = "111122223333"
EXAMPLES = (
    Example("all", configuration_example(_GD, _ALL), FindingStatus.PASS),
    Example(
        "new-only",
        configuration_example(_GD, {**_ALL, "AutoEnableOrganizationMembers": "NEW"}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "legacy-auto-enable",
        configuration_example(_GD, {"DetectorId": "d1", "AutoEnable": True}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "none",
        configuration_example(_GD, {**_ALL, "AutoEnable": False, "AutoEnableOrganizationMembers": "NONE"}),
        FindingStatus.FAIL,
    ),
    Example(
        "not-the-administrator",
        configuration_example(_GD, Unresolved("guardduty:describe_organization_configuration bad_request")),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "administrator-without-detector",
        configuration_example(_GD, {"DetectorId": None}),
        FindingStatus.FAIL,
        (organisation_example({PRINCIPAL: [_ME]}),),
    ),
    Example(
        "no-administrator-no-detector",
        configuration_example(_GD, {"DetectorId": None}),
        FindingStatus.FAIL,
        (organisation_example({}),),
    ),
    Example(
        "administered-elsewhere",
        configuration_example(_GD, {"DetectorId": None}),
        FindingStatus.UNKNOWN,
        (organisation_example({PRINCIPAL: ["444455556666"]}),),
    ),
    Example(
        "no-detector-admin-unknown", configuration_example(_GD, {"DetectorId": None}), FindingStatus.UNKNOWN
    ),
)
