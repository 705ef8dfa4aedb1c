"""Redshift clusters are not publicly accessible."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_false

META = RuleMeta(
    title="Redshift clusters are not publicly accessible",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::Redshift::Cluster",
    public_exposure=True,
    description="A publicly accessible cluster gets a public IP address and DNS name; the warehouse belongs in "
    "private subnets, reached from the VPC or through a Redshift-managed VPC endpoint.",
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Actions > Modify publicly accessible setting > Disable.",
        cli="aws redshift modify-cluster --cluster-identifier CLUSTER --no-publicly-accessible",
        cloudformation="PubliclyAccessible: false",
        terraform="publicly_accessible = false",
    ),
    checkov=("CKV_AWS_87",),
)

evaluate = expect(
    "PubliclyAccessible",
    is_false,
    ok="not publicly accessible",
    bad="Redshift cluster {name} is publicly accessible",
    default=False,  # the CreateCluster default since January 2025
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("private", {"PubliclyAccessible": False}), ("default", {"ClusterType": "multi-node"})],
    failing=[("public", {"PubliclyAccessible": True})],
) + unknowns(
    "AWS::Redshift::Cluster",
    ("deploy-time", {"PubliclyAccessible": Unresolved("a parameter with no default")}),
)
