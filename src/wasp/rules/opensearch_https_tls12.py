"""OpenSearch domains require HTTPS with TLS 1.2 or later."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, is_true, one_of

META = RuleMeta(
    title="OpenSearch domains require HTTPS with TLS 1.2 or later",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::OpenSearchService::Domain",
    description="Without EnforceHTTPS the domain endpoint also answers plain HTTP; the default TLS policy still "
    "accepts TLS 1.0 and 1.1. Require HTTPS with Policy-Min-TLS-1-2-2019-07 or Policy-Min-TLS-1-2-PFS-2023-10.",
    remediation=Remediation(
        console="Amazon OpenSearch Service > Domains > DOMAIN > Security configuration > Edit > Require HTTPS; "
        "TLS security policy: Policy-Min-TLS-1-2-PFS-2023-10.",
        cli="aws opensearch update-domain-config --domain-name DOMAIN --domain-endpoint-options "
        "EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10",
        cloudformation="DomainEndpointOptions: {EnforceHTTPS: true, TLSSecurityPolicy: Policy-Min-TLS-1-2-PFS-2023-10}",
        terraform='domain_endpoint_options { enforce_https = true tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10" }',
    ),
    checkov=("CKV_AWS_83", "CKV_AWS_228"),
)

_TLS12 = one_of("Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on plain HTTP allowed, or on a TLS policy (default: 1.0) that admits TLS before 1.2."""
    name = view.resource.origin.address or view.id
    if not is_true(view.get("DomainEndpointOptions.EnforceHTTPS")):
        return failed(f"domain {name} accepts plain HTTP (EnforceHTTPS is not true)")
    policy = view.get("DomainEndpointOptions.TLSSecurityPolicy", "Policy-Min-TLS-1-0-2019-07")
    if not _TLS12(policy):
        return failed(f"domain {name} accepts TLS before 1.2 (policy {policy})")
    return passed(f"HTTPS required with {policy}")


EXAMPLES = examples(
    "AWS::OpenSearchService::Domain",
    passing=[
        (
            "tls12",
            {
                "DomainEndpointOptions": {
                    "EnforceHTTPS": True,
                    "TLSSecurityPolicy": "Policy-Min-TLS-1-2-2019-07",
                }
            },
        )
    ],
    failing=[
        ("absent", {"DomainName": "logs"}),
        ("default-policy", {"DomainEndpointOptions": {"EnforceHTTPS": True}}),
    ],
) + unknowns(
    "AWS::OpenSearchService::Domain",
    (
        "deploy-time",
        {
            "DomainEndpointOptions": {
                "EnforceHTTPS": True,
                "TLSSecurityPolicy": Unresolved("a parameter with no default"),
            }
        },
    ),
)
