"""CloudFront response headers policies send Strict-Transport-Security."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import at_least, examples, is_true

ONE_YEAR = 31536000

META = RuleMeta(
    title="CloudFront response headers policies enforce HSTS",
    severity=Severity.LOW,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::CloudFront::ResponseHeadersPolicy",
    description="Strict-Transport-Security tells browsers never to try plain HTTP again, closing the window for "
    "SSL stripping on the first request. A policy should set it for at least a year, for subdomains too, and "
    "override whatever the origin sends.",
    remediation=Remediation(
        console="CloudFront > Policies > Response headers > POLICY > Edit: Strict-Transport-Security on, max age "
        "31536000, include subdomains, override origin.",
        cli="aws cloudfront update-response-headers-policy --id ID --response-headers-policy-config file://p.json",
        cloudformation="SecurityHeadersConfig: {StrictTransportSecurity: {AccessControlMaxAgeSec: 31536000, "
        "IncludeSubdomains: true, Override: true}}",
        terraform="strict_transport_security { access_control_max_age_sec = 31536000  include_subdomains = true  "
        "override = true }",
    ),
    checkov=("CKV_AWS_259",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """HSTS present, one year or more, subdomains included, overriding the origin."""
    hsts = view.get("ResponseHeadersPolicyConfig.SecurityHeadersConfig.StrictTransportSecurity")
    name = view.label("ResponseHeadersPolicyConfig.Name")
    if not isinstance(hsts, dict):
        return failed(f"response headers policy {name} sends no Strict-Transport-Security header")
    problems = []
    if not at_least(ONE_YEAR)(hsts.get("AccessControlMaxAgeSec")):
        problems.append("max age under a year")
    if not is_true(hsts.get("IncludeSubdomains")):
        problems.append("subdomains not included")
    if not is_true(hsts.get("Override")):
        problems.append("the origin's header wins")
    if problems:
        return failed(f"response headers policy {name}: HSTS {', '.join(problems)}")
    return passed("HSTS for a year or more, subdomains included")


_HSTS = {"AccessControlMaxAgeSec": 63072000, "IncludeSubdomains": True, "Override": True, "Preload": True}
EXAMPLES = examples(
    "AWS::CloudFront::ResponseHeadersPolicy",
    passing=[
        (
            "hsts",
            {"ResponseHeadersPolicyConfig": {"SecurityHeadersConfig": {"StrictTransportSecurity": _HSTS}}},
        )
    ],
    failing=[
        ("none", {"ResponseHeadersPolicyConfig": {"Name": "cors-only"}}),
        (
            "short",
            {
                "ResponseHeadersPolicyConfig": {
                    "SecurityHeadersConfig": {
                        "StrictTransportSecurity": {**_HSTS, "AccessControlMaxAgeSec": 300}
                    }
                }
            },
        ),
    ],
)
