"""Transfer Family servers are not on a public endpoint."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="Transfer Family servers use a VPC endpoint, not a public one",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::Transfer::Server",
    public_exposure=True,
    description="A PUBLIC endpoint is reachable from the whole internet with no security group in front of it; a VPC endpoint can be limited by security groups (and made internet-facing only through an Elastic IP you choose).",
    remediation=Remediation(
        console="Transfer Family > Servers > SERVER > Endpoint details > Edit: VPC hosted.",
        cli="aws transfer update-server --server-id ID --endpoint-type VPC --endpoint-details VpcId=VPC,SubnetIds=SUBNET,SecurityGroupIds=SG",
        cloudformation="EndpointType: VPC  EndpointDetails: {VpcId: !Ref Vpc, SubnetIds: [...], SecurityGroupIds: [...]}",
        terraform='endpoint_type = "VPC"  endpoint_details { vpc_id = aws_vpc.this.id  subnet_ids = [...] }',
    ),
    checkov=("CKV_AWS_164",),
)

evaluate = expect(
    "EndpointType",
    none_of("PUBLIC"),
    ok="endpoint type {value}",
    bad="Transfer server {name} has a public endpoint",
    default="PUBLIC",
)

EXAMPLES = (
    *examples(
        "AWS::Transfer::Server",
        passing=[("vpc", {"EndpointType": "VPC"})],
        failing=[("default", {"Protocols": ["SFTP"]}), ("public", {"EndpointType": "PUBLIC"})],
    ),
    unknown_example("AWS::Transfer::Server", "EndpointType"),
)
