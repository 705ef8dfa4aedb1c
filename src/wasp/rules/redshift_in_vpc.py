"""Redshift clusters run in a VPC subnet group."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, present

META = RuleMeta(
    title="Redshift clusters are deployed in a VPC",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::Redshift::Cluster",
    description="A cluster without a subnet group lands in the default VPC's public subnets (or EC2-Classic); a subnet group in private subnets keeps it in the network layer you designed.",
    remediation=Remediation(
        console="Amazon Redshift > Configurations > Subnet groups > Create (private subnets) and relocate or restore the cluster into it.",
        cli="aws redshift create-cluster-subnet-group --cluster-subnet-group-name NAME --description DESC --subnet-ids SUBNETS",
        cloudformation="ClusterSubnetGroupName: !Ref PrivateSubnets",
        terraform="cluster_subnet_group_name = aws_redshift_subnet_group.private.name",
    ),
    checkov=("CKV_AWS_154",),
)

evaluate = expect(
    "ClusterSubnetGroupName",
    present,
    ok="in subnet group {value}",
    bad="Redshift cluster {name} names no subnet group (default VPC)",
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("subnets", {"ClusterSubnetGroupName": "private"})],
    failing=[("absent", {"ClusterType": "multi-node"})],
)
