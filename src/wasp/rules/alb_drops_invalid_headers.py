"""Application Load Balancers drop requests' invalid HTTP header fields."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import lb_attribute, live_reads, with_read

META = RuleMeta(
    title="Application Load Balancers drop invalid HTTP headers",
    severity=Severity.LOW,
    best_practices=("SEC05-BP03",),
    resource_type="AWS::ElasticLoadBalancingV2::LoadBalancer",
    description="Header names outside the HTTP grammar are a tool of request smuggling and header injection "
    "against the targets behind the load balancer; dropping them removes the ambiguity. Off by default.",
    remediation=Remediation(
        console="EC2 > Load balancers > ALB > Attributes > Edit: Drop invalid header fields on.",
        cli="aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes "
        "Key=routing.http.drop_invalid_header_fields.enabled,Value=true",
        cloudformation="LoadBalancerAttributes: [{Key: routing.http.drop_invalid_header_fields.enabled, Value: 'true'}]",
        terraform="drop_invalid_header_fields = true",
    ),
    checkov=("CKV_AWS_131",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Application load balancers only."""
    if str(view.get("Type", "application")).lower() != "application":
        return None
    if lb_attribute(view, "routing.http.drop_invalid_header_fields.enabled", "false") == "true":
        return passed("invalid header fields dropped")
    return failed(f"load balancer {view.label('Name')} forwards invalid HTTP header fields")


evaluate = live_reads("LoadBalancerAttributes", _evaluate)

EXAMPLES = with_read(
    {"LoadBalancerAttributes": []},
    examples(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        passing=[
            (
                "on",
                {
                    "LoadBalancerAttributes": [
                        {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": True}
                    ]
                },
            )
        ],
        failing=[("default", {"Type": "application"})],
    ),
)
