"""Application Load Balancers mitigate HTTP desync (request smuggling)."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import lb_attribute, live_reads, with_read

META = RuleMeta(
    title="Application Load Balancers use defensive or strictest desync mitigation",
    severity=Severity.LOW,
    best_practices=("SEC05-BP03",),
    resource_type="AWS::ElasticLoadBalancingV2::LoadBalancer",
    description="In monitor mode the load balancer forwards ambiguous requests that let an attacker smuggle "
    "one request inside another to the targets; defensive (the default) or strictest blocks them.",
    remediation=Remediation(
        console="EC2 > Load balancers > ALB > Attributes > Edit: Desync mitigation mode Defensive.",
        cli="aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes "
        "Key=routing.http.desync_mitigation_mode,Value=defensive",
        cloudformation="LoadBalancerAttributes: [{Key: routing.http.desync_mitigation_mode, Value: defensive}]",
        terraform='desync_mitigation_mode = "defensive"',
    ),
    checkov=("CKV_AWS_328",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Application load balancers only; monitor mode fails."""
    if str(view.get("Type", "application")).lower() != "application":
        return None
    mode = lb_attribute(view, "routing.http.desync_mitigation_mode", "defensive")
    if mode in ("defensive", "strictest"):
        return passed(f"desync mitigation {mode}")
    return failed(f"load balancer {view.label('Name')} only monitors HTTP desync (mode {mode})")


evaluate = live_reads("LoadBalancerAttributes", _evaluate)

EXAMPLES = with_read(
    {"LoadBalancerAttributes": []},
    examples(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        passing=[("default", {"Type": "application"})],
        failing=[
            (
                "monitor",
                {
                    "LoadBalancerAttributes": [
                        {"Key": "routing.http.desync_mitigation_mode", "Value": "monitor"}
                    ]
                },
            )
        ],
    ),
)
