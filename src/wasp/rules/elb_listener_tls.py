"""Load balancer listeners use TLS 1.2+ (HTTP only to redirect to HTTPS)."""

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
from wasp.rules._shape import entries, text

WEAK_POLICIES = (
    "ELBSecurityPolicy-2016-08",
    "ELBSecurityPolicy-TLS-1-0-2015-04",
    "ELBSecurityPolicy-TLS-1-1-2017-01",
    "ELBSecurityPolicy-2015-05",
    "ELBSecurityPolicy-FS-2018-06",
    "ELBSecurityPolicy-FS-1-1-2019-08",
)

META = RuleMeta(
    title="Load balancer listeners encrypt with TLS 1.2 or later",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ElasticLoadBalancingV2::Listener",
    description="HTTPS/TLS listeners need a policy without TLS 1.0/1.1 (TLS 1.3 policies preferred); plain HTTP "
    "listeners may only redirect to HTTPS.",
    remediation=Remediation(
        console="EC2 > Load balancers > LB > Listeners: HTTPS with ELBSecurityPolicy-TLS13-1-2-2021-06; HTTP:80 "
        "default action Redirect to HTTPS:443.",
        cli="aws elbv2 modify-listener --listener-arn ARN --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06",
        cloudformation="Protocol: HTTPS, SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06; HTTP listener DefaultActions: "
        "[{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: '443', StatusCode: HTTP_301}}]",
        terraform='ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"; http listener default_action { type = "redirect" ... }',
    ),
    checkov=(
        "CKV_AWS_2",
        "CKV_AWS_103",
        "CKV2_AWS_20",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """HTTP must redirect to HTTPS; HTTPS/TLS must use a modern policy."""
    protocol = text(view, "Protocol")
    if protocol in ("HTTP", "TCP", "UDP", "TCP_UDP"):
        actions = entries(view, "DefaultActions")
        redirects = all(
            a.get("Type") == "redirect" and (a.get("RedirectConfig") or {}).get("Protocol") == "HTTPS"
            for a in actions
            if isinstance(a, dict)
        ) and bool(actions)
        if protocol == "HTTP" and redirects:
            return passed("HTTP listener only redirects to HTTPS")
        return failed(f"listener {view.id} serves plain {protocol} on port {view.get('Port')}")
    policy = text(view, "SslPolicy") or ""
    if not policy or policy in WEAK_POLICIES or "TLS-1-0" in policy or "TLS-1-1" in policy:
        return failed(f"listener {view.id} allows TLS below 1.2 (policy {policy or 'default'})")
    return passed(f"{protocol} with {policy}" + (" (TLS 1.3)" if "TLS13" in policy else ""))


EXAMPLES = (
    Example(
        "tls13",
        example_resource(
            "AWS::ElasticLoadBalancingV2::Listener",
            {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06"},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "redirect",
        example_resource(
            "AWS::ElasticLoadBalancingV2::Listener",
            {
                "Protocol": "HTTP",
                "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS"}}],
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "http",
        example_resource(
            "AWS::ElasticLoadBalancingV2::Listener",
            {"Protocol": "HTTP", "DefaultActions": [{"Type": "forward"}]},
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "old-tls",
        example_resource(
            "AWS::ElasticLoadBalancingV2::Listener",
            {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-2016-08"},
        ),
        FindingStatus.FAIL,
    ),
)
