"""API Gateway custom domains use the TLS 1.2 security policy."""

from wasp.model import FindingStatus, Severity
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

META = RuleMeta(
    title="API Gateway custom domains require TLS 1.2",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ApiGateway::DomainName",
    description="TLS_1_0 lets clients negotiate protocols with known weaknesses.",
    remediation=Remediation(
        console="API Gateway > Custom domain names > DOMAIN > Edit > Minimum TLS version: TLS 1.2.",
        cli="aws apigateway update-domain-name --domain-name DOMAIN --patch-operations op=replace,path=/securityPolicy,value=TLS_1_2",
        cloudformation="SecurityPolicy: TLS_1_2",
        terraform='security_policy = "TLS_1_2"',
    ),
    checkov=("CKV_AWS_206",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless the policy is TLS_1_2 or newer."""
    policy = text(view, "SecurityPolicy") or "TLS_1_0"
    if policy == "TLS_1_0":
        return failed(f"custom domain {view.id} allows TLS 1.0")
    return passed(f"security policy {policy}")


EXAMPLES = (
    Example(
        "tls12",
        example_resource("AWS::ApiGateway::DomainName", {"SecurityPolicy": "TLS_1_2"}),
        FindingStatus.PASS,
    ),
    Example(
        "tls10",
        example_resource("AWS::ApiGateway::DomainName", {"SecurityPolicy": "TLS_1_0"}),
        FindingStatus.FAIL,
    ),
)
