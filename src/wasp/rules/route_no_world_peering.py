"""Routes through a VPC peering connection do not send all traffic to the peer."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import WORLD, live_reads, with_read
from wasp.rules._shape import text

META = RuleMeta(
    title="Peering routes are limited to the peer's CIDR",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP02",),
    resource_type="AWS::EC2::Route",
    description="A 0.0.0.0/0 (or ::/0) route to a peering connection sends every destination the subnet has no "
    "better route for to the peer VPC, widening what the two networks can reach of each other. Route only the "
    "peer's CIDR blocks.",
    remediation=Remediation(
        console="VPC > Route tables > TABLE > Routes > Edit: replace 0.0.0.0/0 -> pcx-... with the peer VPC's CIDR.",
        cli="aws ec2 replace-route --route-table-id RTB --destination-cidr-block 10.1.0.0/16 "
        "--vpc-peering-connection-id PCX",
        cloudformation="DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Peering",
        terraform='destination_cidr_block = "10.1.0.0/16"  vpc_peering_connection_id = aws_vpc_peering_connection.x.id',
    ),
    checkov=("CKV2_AWS_44",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Only routes through a peering connection."""
    if not view.get("VpcPeeringConnectionId"):
        return None
    destination = text(view, "DestinationCidrBlock") or text(view, "DestinationIpv6CidrBlock")
    if destination in WORLD:
        return failed(f"route {view.id} sends all traffic ({destination}) to a peered VPC")
    return passed(f"peering route limited to {destination}")


evaluate = live_reads("RouteTableId", _evaluate)

EXAMPLES = with_read(
    {"RouteTableId": "rtb-1"},
    examples(
        "AWS::EC2::Route",
        passing=[("peer-cidr", {"DestinationCidrBlock": "10.1.0.0/16", "VpcPeeringConnectionId": "pcx-1"})],
        failing=[("world", {"DestinationCidrBlock": "0.0.0.0/0", "VpcPeeringConnectionId": "pcx-1"})],
    ),
)
