"""ACM certificates in use are issued, renewable and not close to expiry."""

from wasp.model import FindingStatus, Severity
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
)
from wasp.rules._shape import text

MIN_DAYS_LEFT = 30

META = RuleMeta(
    title=f"Certificates are renewable and more than {MIN_DAYS_LEFT} days from expiry",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP01",),
    resource_type="AWS::CertificateManager::Certificate",
    description="An expired certificate takes the service down or teaches users to click through warnings; imported "
    "certificates are not renewed by ACM.",
    remediation=Remediation(
        console="ACM > Request a public certificate (DNS validation, so ACM renews it) and swap it in; delete the old one.",
        cli="aws acm request-certificate --domain-name example.com --validation-method DNS",
        cloudformation="AWS::CertificateManager::Certificate {DomainName: ..., ValidationMethod: DNS}",
        terraform='resource "aws_acm_certificate" "this" { validation_method = "DNS" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Unused, failed or pending certificates are skipped; the rest must be renewable with time left."""
    if view.get(f"{SUPPLEMENTARY}.Status") not in ("ISSUED", "EXPIRED"):
        return None
    left = ctx.days_since(text(view, f"{SUPPLEMENTARY}.NotAfter"))
    days_left = -left if left is not None else None
    view.note("days_left", days_left)
    if days_left is not None and days_left < MIN_DAYS_LEFT:
        return failed(f"certificate for {view.get('DomainName')} expires in {days_left} day(s)")
    if (
        view.get(f"{SUPPLEMENTARY}.Type") == "IMPORTED"
        or view.get(f"{SUPPLEMENTARY}.RenewalEligibility") == "INELIGIBLE"
    ):
        return failed(f"certificate for {view.get('DomainName')} will not be renewed by ACM")
    return passed(f"{days_left} days left, renewable")


EXAMPLES = (
    Example(
        "fine",
        example_resource(
            "AWS::CertificateManager::Certificate",
            {
                "DomainName": "x",
                SUPPLEMENTARY: {
                    "Status": "ISSUED",
                    "NotAfter": "2026-12-01",
                    "Type": "AMAZON_ISSUED",
                    "RenewalEligibility": "ELIGIBLE",
                },
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "expiring",
        example_resource(
            "AWS::CertificateManager::Certificate",
            {
                "DomainName": "x",
                SUPPLEMENTARY: {"Status": "ISSUED", "NotAfter": "2026-01-10", "Type": "AMAZON_ISSUED"},
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "imported",
        example_resource(
            "AWS::CertificateManager::Certificate",
            {
                "DomainName": "x",
                SUPPLEMENTARY: {"Status": "ISSUED", "NotAfter": "2027-01-10", "Type": "IMPORTED"},
            },
        ),
        FindingStatus.FAIL,
    ),
)
