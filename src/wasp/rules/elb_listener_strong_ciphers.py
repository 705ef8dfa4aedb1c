"""Load balancer TLS listeners use a policy with forward-secret, AEAD-only ciphers."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read

STRONG_PREFIXES = ("ELBSecurityPolicy-TLS13-", "ELBSecurityPolicy-FS-1-2-Res-")

META = RuleMeta(
    title="Load balancer TLS listeners use strong cipher policies",
    severity=Severity.LOW,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ElasticLoadBalancingV2::Listener",
    description="TLS 1.2 policies that still offer CBC and non-forward-secret ciphers (the default "
    "ELBSecurityPolicy-2016-08 among them) weaken recorded traffic against later key compromise. TLS 1.3 "
    "policies and the FS-1-2-Res policies offer only forward-secret AEAD ciphers. Plain listeners are judged "
    "by elb_listener_tls.",
    remediation=Remediation(
        console="EC2 > Load balancers > LB > Listeners > HTTPS > Edit: Security policy ELBSecurityPolicy-TLS13-1-2-Res-2021-06.",
        cli="aws elbv2 modify-listener --listener-arn ARN --ssl-policy ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        cloudformation="SslPolicy: ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
        terraform='ssl_policy = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"',
    ),
    checkov=("CKV2_AWS_74",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """HTTPS and TLS listeners only."""
    if str(view.get("Protocol") or "").upper() not in ("HTTPS", "TLS"):
        return None
    policy = str(view.get("SslPolicy") or "ELBSecurityPolicy-2016-08")
    if policy.startswith(STRONG_PREFIXES):
        return passed(f"strong cipher policy {policy}")
    return failed(f"listener {view.id} offers weak ciphers (policy {policy})")


evaluate = live_reads("Protocol", _evaluate)

EXAMPLES = with_read(
    {"Protocol": "HTTPS"},
    examples(
        "AWS::ElasticLoadBalancingV2::Listener",
        passing=[("tls13", {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"})],
        failing=[("default", {"Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-2016-08"})],
    ),
)
