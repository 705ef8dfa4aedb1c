"""Classic Load Balancer TLS negotiation policies offer only TLS 1.2 or later."""

from typing import Any

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

LB = "AWS::ElasticLoadBalancing::LoadBalancer"
OLD_PROTOCOLS = ("Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1")
MODERN_REFERENCES = ("ELBSecurityPolicy-TLS-1-2",)
"""Predefined policies that offer TLS 1.2 only (the others also offer TLS 1.0 and 1.1)."""

META = RuleMeta(
    title="Classic Load Balancer TLS policies offer only TLS 1.2 or later",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type=LB,
    description="An SSL negotiation policy that enables SSLv3, TLS 1.0 or TLS 1.1 (itself or through an older "
    "predefined policy such as ELBSecurityPolicy-2016-08) lets clients and attackers downgrade to protocols "
    "with known weaknesses. Load balancers without a custom policy are judged by the listener rules.",
    remediation=Remediation(
        console="EC2 > Load balancers > CLB > Listeners > Edit > Security policy: ELBSecurityPolicy-TLS-1-2-2017-01.",
        cli="aws elb create-load-balancer-policy --load-balancer-name LB --policy-name tls12 --policy-type-name "
        "SSLNegotiationPolicyType --policy-attributes AttributeName=Reference-Security-Policy,"
        "AttributeValue=ELBSecurityPolicy-TLS-1-2-2017-01",
        cloudformation="Policies: [{PolicyName: tls12, PolicyType: SSLNegotiationPolicyType, Attributes: "
        "[{Name: Reference-Security-Policy, Value: ELBSecurityPolicy-TLS-1-2-2017-01}]}]",
        terraform='policy_attribute { name = "Reference-Security-Policy"  value = "ELBSecurityPolicy-TLS-1-2-2017-01" }',
    ),
    checkov=("CKV_AWS_213",),
)


def _problems(policy: dict[str, Any]) -> list[str]:
    """What one SSL negotiation policy allows that it should not."""
    out = []
    for attribute in policy.get("Attributes") or []:
        if not isinstance(attribute, dict):
            continue
        name, value = str(attribute.get("Name")), attribute.get("Value")
        if name in OLD_PROTOCOLS and str(value).lower() == "true":
            out.append(name.removeprefix("Protocol-"))
        if name == "Reference-Security-Policy" and not str(value).startswith(MODERN_REFERENCES):
            out.append(f"{value} (offers TLS 1.0 and 1.1)")
    return out


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only load balancers with SSL negotiation policies; any old protocol fails."""
    negotiation = [
        p
        for p in view.get("Policies") or []
        if isinstance(p, dict) and p.get("PolicyType") == "SSLNegotiationPolicyType"
    ]
    if not negotiation:
        return None
    found = [f"{p.get('PolicyName')}: {', '.join(bad)}" for p in negotiation if (bad := _problems(p))]
    if found:
        return failed(
            f"classic load balancer {view.label('LoadBalancerName')} allows old protocols ({'; '.join(found)})"
        )
    return passed("TLS 1.2 or later only")


def _lb(*attributes: tuple[str, str]) -> dict[str, Any]:
    attrs = [{"Name": n, "Value": v} for n, v in attributes]
    return {
        "Policies": [{"PolicyName": "tls", "PolicyType": "SSLNegotiationPolicyType", "Attributes": attrs}]
    }


EXAMPLES = (
    Example(
        "tls12-reference",
        example_resource(LB, _lb(("Reference-Security-Policy", "ELBSecurityPolicy-TLS-1-2-2017-01"))),
        FindingStatus.PASS,
    ),
    Example(
        "old-reference",
        example_resource(LB, _lb(("Reference-Security-Policy", "ELBSecurityPolicy-2016-08"))),
        FindingStatus.FAIL,
    ),
    Example(
        "tls10-on",
        example_resource(LB, _lb(("Protocol-TLSv1.2", "true"), ("Protocol-TLSv1", "true"))),
        FindingStatus.FAIL,
    ),
    Example(
        "tls12-only",
        example_resource(LB, _lb(("Protocol-TLSv1.2", "true"), ("Protocol-TLSv1", "false"))),
        FindingStatus.PASS,
    ),
)
