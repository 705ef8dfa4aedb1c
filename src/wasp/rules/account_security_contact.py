"""The account has a SECURITY alternate contact."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
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
)
from wasp.rules._shape import block, text

META = RuleMeta(
    title="Security alternate contact is set",
    severity=Severity.MEDIUM,
    best_practices=("SEC01-BP02", "SEC10-BP01"),
    resource_type=ACCOUNT_TYPE,
    description="AWS sends abuse reports and security notices to the security contact; without one they go "
    "to the root email, which nobody may read.",
    remediation=Remediation(
        console="Account > Alternate contacts > Security > Edit (a monitored team mailbox).",
        cli="aws account put-alternate-contact --alternate-contact-type SECURITY --name 'Security team' "
        "--email-address security@example.com --phone-number +44... --title 'Security'",
        cloudformation="No native resource; set per account with the CLI or an Organizations-wide script.",
        terraform='resource "aws_account_alternate_contact" "security" { alternate_contact_type = "SECURITY" ... }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when SECURITY has an email address."""
    contact = block(view, "AlternateContacts.SECURITY")
    if contact and text(view, "AlternateContacts.SECURITY.EmailAddress"):
        return passed(f"security contact: {contact.get('Name') or contact['EmailAddress']}")
    return failed("no SECURITY alternate contact is set on the account")


EXAMPLES = (
    Example(
        "set",
        example_resource(
            ACCOUNT_TYPE, {"AlternateContacts": {"SECURITY": {"EmailAddress": "sec@example.com"}}}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "unset", example_resource(ACCOUNT_TYPE, {"AlternateContacts": {"SECURITY": None}}), FindingStatus.FAIL
    ),
)
