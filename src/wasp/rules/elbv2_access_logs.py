"""Application and Network Load Balancers write access logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import lb_attribute, live_reads, with_read

META = RuleMeta(
    title="Load balancers (ALB/NLB) have access logging enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::ElasticLoadBalancingV2::LoadBalancer",
    description="Access logs record every request the load balancer receives (client, path, TLS version, "
    "response); without them an attack through the front door leaves no trace. Gateway Load Balancers have no "
    "access logs and are not judged.",
    remediation=Remediation(
        console="EC2 > Load balancers > LB > Attributes > Edit > Monitoring: Access logs on, choose a bucket.",
        cli="aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes "
        "Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=BUCKET",
        cloudformation="LoadBalancerAttributes: [{Key: access_logs.s3.enabled, Value: 'true'}, "
        "{Key: access_logs.s3.bucket, Value: !Ref LogBucket}]",
        terraform="access_logs { bucket = aws_s3_bucket.logs.id  enabled = true }",
    ),
    checkov=("CKV_AWS_91",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The access_logs.s3.enabled attribute is true."""
    if str(view.get("Type", "application")).lower() == "gateway":
        return None
    if lb_attribute(view, "access_logs.s3.enabled", "false") == "true":
        return passed("access logs written to S3")
    return failed(f"load balancer {view.label('Name')} writes no access logs")


evaluate = live_reads("LoadBalancerAttributes", _evaluate)

EXAMPLES = with_read(
    {"LoadBalancerAttributes": []},
    examples(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        passing=[("on", {"LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "true"}]})],
        failing=[
            ("default", {"Type": "application"}),
            (
                "off",
                {
                    "Type": "network",
                    "LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "false"}],
                },
            ),
        ],
    ),
)
