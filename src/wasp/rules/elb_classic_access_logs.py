"""Classic Load Balancers write access logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Classic Load Balancers have access logging enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::ElasticLoadBalancing::LoadBalancer",
    description="Without access logs the requests that reached the application through the load balancer "
    "cannot be reconstructed after an incident.",
    remediation=Remediation(
        console="EC2 > Load balancers > CLB > Attributes > Edit: Access logs on, choose a bucket.",
        cli="aws elb modify-load-balancer-attributes --load-balancer-name LB --load-balancer-attributes "
        '\'{"AccessLog":{"Enabled":true,"S3BucketName":"BUCKET","EmitInterval":60}}\'',
        cloudformation="AccessLoggingPolicy: {Enabled: true, S3BucketName: !Ref LogBucket, EmitInterval: 60}",
        terraform="access_logs { bucket = aws_s3_bucket.logs.id  enabled = true }",
    ),
    checkov=("CKV_AWS_92",),
)

evaluate = expect(
    "AccessLoggingPolicy.Enabled",
    is_true,
    ok="access logs written to S3",
    bad="classic load balancer {name} writes no access logs",
    default=False,
)

EXAMPLES = examples(
    "AWS::ElasticLoadBalancing::LoadBalancer",
    passing=[("on", {"AccessLoggingPolicy": {"Enabled": True, "S3BucketName": "logs"}})],
    failing=[("absent", {"Scheme": "internet-facing"})],
)
