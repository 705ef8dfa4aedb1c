"""Classic Load Balancer TLS negotiation policies offer only TLS 1.2 or later."""

from collections.abc import Mapping
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
from wasp.rules._shape import entries, expect_type, is_text, on

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


def _attributes(where: str, policy: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The policy's attributes; WrongType when the list or an entry is not what ELB reads."""
    found = expect_type(where, policy.get("Attributes"), lambda v: isinstance(v, list), "a list")
    for i, attribute in enumerate(found or []):
        expect_type(
            f"{where}.{i}", attribute, lambda v: isinstance(v, Mapping), "a mapping with Name and Value"
        )
    return list(found or [])


def _problems(where: str, policy: Mapping[str, Any]) -> list[str]:
    """What one SSL negotiation policy allows that it should not (WrongType for a malformed attribute: a
    protocol or cipher switch is a boolean, the reference policy a string)."""
    out = []
    for i, attribute in enumerate(_attributes(f"{where}.Attributes", policy)):
        at = f"{where}.Attributes.{i}"
        name = expect_type(f"{at}.Name", attribute.get("Name"), is_text, "a string")
        value = attribute.get("Value")
        if name == "Reference-Security-Policy":
            reference = expect_type(f"{at}.Value", value, is_text, "a predefined policy name")
            if not str(reference).startswith(MODERN_REFERENCES):
                out.append(f"{reference} (offers TLS 1.0 and 1.1)")
        elif on(f"{at}.Value", value) and name in OLD_PROTOCOLS:
            out.append(str(name).removeprefix("Protocol-"))
    return out


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only load balancers with SSL negotiation policies; any old protocol fails."""
    negotiation = [
        (f"Policies.{i}", p)
        for i, p in enumerate(entries(view, "Policies"))
        if expect_type(f"Policies.{i}.PolicyType", p.get("PolicyType"), is_text, "a string")
        == "SSLNegotiationPolicyType"
    ]
    if not negotiation:
        return None
    found = [f"{p.get('PolicyName')}: {', '.join(bad)}" for at, p in negotiation if (bad := _problems(at, p))]
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
    Example(
        "switch-not-a-boolean",
        example_resource(LB, _lb(("Protocol-TLSv1.2", "true"), ("Protocol-TLSv1", "off"))),
        FindingStatus.UNKNOWN,
    ),
)
