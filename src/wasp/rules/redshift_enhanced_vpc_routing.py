"""Redshift clusters route COPY and UNLOAD traffic through their VPC."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Redshift clusters use enhanced VPC routing",
    severity=Severity.LOW,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::Redshift::Cluster",
    description="With enhanced VPC routing, COPY and UNLOAD traffic to S3 and other services goes through the VPC, where endpoint policies, security groups and flow logs control and record it, instead of the internet path.",
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Properties > Network and security settings > Edit > Enhanced VPC routing: on.",
        cli="aws redshift modify-cluster --cluster-identifier CLUSTER --enhanced-vpc-routing",
        cloudformation="EnhancedVpcRouting: true",
        terraform="enhanced_vpc_routing = true",
    ),
    checkov=("CKV_AWS_321",),
)

evaluate = expect(
    "EnhancedVpcRouting",
    is_true,
    ok="enhanced VPC routing on",
    bad="Redshift cluster {name} sends COPY/UNLOAD traffic outside its VPC",
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("on", {"EnhancedVpcRouting": True})],
    failing=[("absent", {"ClusterType": "multi-node"})],
)
