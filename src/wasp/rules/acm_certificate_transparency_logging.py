"""ACM certificates are published to certificate transparency logs, so misissued certificates can be spotted."""

from dataclasses import replace

from wasp.model import FindingStatus, Origin, OriginKind, Severity
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
from wasp.rules._shape import text

META = RuleMeta(
    title="ACM certificates keep certificate transparency logging on",
    severity=Severity.LOW,
    best_practices=("SEC09-BP01",),
    resource_type="AWS::CertificateManager::Certificate",
    description="Browsers expect public certificates in certificate transparency logs, and CT monitoring is how "
    "an organisation notices a certificate issued for its domains that it did not ask for. Opting out hides the "
    "certificate (and makes Chrome distrust it); ENABLED is the default. Private-CA and imported certificates "
    "are not logged and are out of scope.",
    remediation=Remediation(
        console="Certificate Manager > CERTIFICATE > Certificate transparency logging: Enable.",
        cli="aws acm update-certificate-options --certificate-arn ARN "
        "--options CertificateTransparencyLoggingPreference=ENABLED",
        cloudformation="CertificateTransparencyLoggingPreference: ENABLED",
        terraform='options { certificate_transparency_logging_preference = "ENABLED" }',
    ),
    checkov=("CKV_AWS_234",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail an opt-out; a template's unset preference is the default (ENABLED); live, an unread one is unknown."""
    if view.get("CertificateAuthorityArn") or view.get(f"{SUPPLEMENTARY}.Type") in ("IMPORTED", "PRIVATE"):
        return None
    declared = view.resource.origin.kind in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM)
    preference = text(view, "CertificateTransparencyLoggingPreference", "ENABLED" if declared else None)
    if preference is None:
        return unknown(f"certificate {view.label('DomainName')}: the logging preference was not read")
    if str(preference).upper() == "DISABLED":
        return failed(f"certificate for {view.label('DomainName')} opts out of certificate transparency logs")
    return passed("certificate transparency logging on")


_T = "AWS::CertificateManager::Certificate"
_IN_TEMPLATE = Origin(kind=OriginKind.CLOUDFORMATION, file="certs.yaml", line=1, address="Cert")
EXAMPLES = (
    Example(
        "enabled",
        example_resource(
            _T, {"DomainName": "example.org", "CertificateTransparencyLoggingPreference": "ENABLED"}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "disabled",
        example_resource(
            _T, {"DomainName": "example.org", "CertificateTransparencyLoggingPreference": "DISABLED"}
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "template-default",
        replace(example_resource(_T, {"DomainName": "example.org"}), origin=_IN_TEMPLATE),
        FindingStatus.PASS,
    ),
    Example("live-unread", example_resource(_T, {"DomainName": "example.org"}), FindingStatus.UNKNOWN),
)
