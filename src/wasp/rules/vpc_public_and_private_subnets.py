"""Workload VPCs are layered: public subnets for entry points, private subnets for everything else."""

from wasp.model import FindingStatus, Resource, Severity
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)

SUBNET = "AWS::EC2::Subnet"

META = RuleMeta(
    title="VPCs have both public and private subnets",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::EC2::VPC",
    related_types=(SUBNET,),
    description="A VPC whose subnets all route to an internet gateway has no private layer to put compute and data in. "
    "Default VPCs are skipped (see vpc_flow_logs_enabled for default VPCs in use).",
    remediation=Remediation(
        console="VPC > Create VPC (VPC and more): public subnets for load balancers, private subnets with a NAT "
        "gateway or VPC endpoints for compute and data.",
        cli="aws ec2 create-subnet --vpc-id VPC --cidr-block 10.0.1.0/24 && aws ec2 create-route-table ... (no route to the IGW)",
        cloudformation="Separate AWS::EC2::Subnet + AWS::EC2::RouteTable for private tiers (no 0.0.0.0/0 -> InternetGateway).",
        terraform="terraform-aws-modules/vpc: public_subnets and private_subnets",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Count public and private subnets of the VPC."""
    if view.get(f"{SUPPLEMENTARY}.IsDefault"):
        return None
    subnets = ctx.inventory.find(SUBNET, VpcId=view.id)
    public = [s.id for s in subnets if view.neighbour(s).get(f"{SUPPLEMENTARY}.Public")]
    private = [s.id for s in subnets if s.id not in public]
    view.note("public_subnets", public)
    view.note("private_subnets", private)
    if not subnets:
        return None
    if not private:
        return failed(f"VPC {view.id} has only public subnets: nothing is shielded from the internet")
    return passed(f"VPC {view.id}: {len(public)} public, {len(private)} private subnet(s)")


def _sub(sid: str, public: bool) -> Resource:
    return example_resource(SUBNET, {"VpcId": "vpc-1", SUPPLEMENTARY: {"Public": public}}, sid)


EXAMPLES = (
    Example(
        "layered",
        example_resource("AWS::EC2::VPC", {}, "vpc-1"),
        FindingStatus.PASS,
        (_sub("a", True), _sub("b", False)),
    ),
    Example("flat", example_resource("AWS::EC2::VPC", {}, "vpc-1"), FindingStatus.FAIL, (_sub("a", True),)),
)
