"""GuardDuty's organisation configuration, declared in Terraform, enrols every member account."""

from wasp.model import Severity
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    failed,
    passed,
)
from wasp.rules._expect import examples

SETTING = "WASP::GuardDuty::OrganizationConfiguration"

META = RuleMeta(
    title="GuardDuty organisation configuration enrols all member accounts",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01", "SEC04-BP03"),
    resource_type=SETTING,
    description="The delegated administrator's organisation configuration decides which accounts GuardDuty "
    "watches: ALL enrols every existing and new member, NEW only accounts that join later (existing ones stay "
    "blind spots unless enabled one by one), NONE none. Terraform's aws_guardduty_organization_configuration "
    "has no CloudFormation type.",
    remediation=Remediation(
        console="GuardDuty (delegated administrator) > Accounts > Auto-enable: Enable for all accounts.",
        cli="aws guardduty update-organization-configuration --detector-id ID "
        "--auto-enable-organization-members ALL",
        cloudformation="No resource type; set it from the delegated administrator with the CLI.",
        terraform='auto_enable_organization_members = "ALL"',
    ),
    checkov=("CKV2_AWS_3",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass ALL; NEW leaves existing members out (low); NONE or unset enrols none."""
    members = str(view.get("AutoEnableOrganizationMembers", "NONE")).upper()
    name = view.resource.origin.address or view.id
    if members == "ALL":
        return passed("every member account is enrolled")
    if members == "NEW":
        return failed(
            f"{name} enrols only accounts that join later; existing members are not watched", Severity.LOW
        )
    return failed(f"{name} enrols no member account automatically")


EXAMPLES = examples(
    SETTING,
    passing=[("all", {"AutoEnableOrganizationMembers": "ALL"})],
    failing=[
        ("new-only", {"AutoEnableOrganizationMembers": "NEW"}),
        ("none", {"AutoEnableOrganizationMembers": "NONE"}),
    ],
)
