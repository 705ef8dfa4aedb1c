"""OpenSearch domains are reachable only inside a VPC."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, listed

META = RuleMeta(
    title="OpenSearch domains are placed in a VPC",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::OpenSearchService::Domain",
    description="A domain without VPC options gets a public endpoint on the internet, protected only by its access policy; in a VPC it is reachable only through the subnets and security groups you choose.",
    remediation=Remediation(
        console="Create the domain with VPC access (network configuration cannot be changed from public to VPC), migrate the data with a snapshot, and delete the public domain.",
        cli="aws opensearch create-domain --domain-name DOMAIN --vpc-options SubnetIds=SUBNET,SecurityGroupIds=SG",
        cloudformation="VPCOptions: {SubnetIds: [!Ref PrivateSubnet], SecurityGroupIds: [!Ref SearchSg]}",
        terraform="vpc_options { subnet_ids = [aws_subnet.private.id] security_group_ids = [aws_security_group.search.id] }",
    ),
    public_exposure=True,
    checkov=("CKV_AWS_137",),
)

evaluate = expect(
    "VPCOptions.SubnetIds",
    listed,
    ok="in a VPC",
    bad="domain {name} has a public endpoint (no VPC options)",
)

EXAMPLES = examples(
    "AWS::OpenSearchService::Domain",
    passing=[("vpc", {"VPCOptions": {"SubnetIds": ["subnet-1"]}})],
    failing=[("public", {"DomainName": "logs"})],
) + unknowns(
    "AWS::OpenSearchService::Domain",
    ("deploy-time", {"VPCOptions": {"SubnetIds": Unresolved("a parameter with no default")}}),
)
