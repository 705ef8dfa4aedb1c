"""Compute sits in private subnets: instances have no public IP address."""

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
    unknown,
)
from wasp.rules._common import is_true

SUBNET = "AWS::EC2::Subnet"

META = RuleMeta(
    title="EC2 instances have no public IP address",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::EC2::Instance",
    description="Instances belong in private subnets behind a load balancer; a public address makes every "
    "security-group mistake reachable from the internet.",
    public_exposure=True,
    remediation=Remediation(
        console="Launch replacements in a private subnet (Auto-assign public IP: Disable) behind a load "
        "balancer; release any Elastic IP.",
        cli="aws ec2 modify-subnet-attribute --subnet-id SUBNET --no-map-public-ip-on-launch",
        cloudformation="NetworkInterfaces: [{DeviceIndex: '0', AssociatePublicIpAddress: false, SubnetId: !Ref PrivateSubnet}]",
        terraform="associate_public_ip_address = false  # and subnet_id in a private subnet",
    ),
    checkov=("CKV_AWS_88",),
)


def _subnet(ctx: RuleContext, subnet_id: object) -> Resource | None:
    """The subnet an instance is launched into, when it is in the inventory (by id or logical id)."""
    for subnet in ctx.inventory.of_type(SUBNET):
        if subnet_id in (subnet.id, subnet.arn, subnet.origin.address):
            return subnet
    return None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when the instance has (or is configured to get) a public address; unknown when that is not known."""
    if view.get(f"{SUPPLEMENTARY}.State") in ("terminated", "shutting-down"):
        return None
    public_ip = view.get("PublicIp")
    if public_ip:
        return failed(f"instance {view.id} has public IP {public_ip}")
    nics = [n for n in view.get("NetworkInterfaces", []) if isinstance(n, dict)]
    for nic in nics:
        if is_true(nic.get("AssociatePublicIpAddress")):
            return failed(f"instance {view.id} is launched with a public IP")
    if "PublicIp" in view.resource.properties:
        return passed("instance has no public IP")  # a running instance, as AWS reports it
    if any(str(n.get("AssociatePublicIpAddress")).lower() == "false" for n in nics):
        return passed("instance is launched without a public IP")
    subnet_id = view.get("SubnetId") or next((n.get("SubnetId") for n in nics if n.get("SubnetId")), None)
    if subnet_id is None:
        return failed(
            f"instance {view.id} names no subnet: it launches into the default VPC, whose subnets assign public IPs"
        )
    subnet = _subnet(ctx, subnet_id)
    if subnet is None:
        return unknown(
            f"instance {view.id}: whether it gets a public IP depends on subnet {subnet_id}'s "
            "MapPublicIpOnLaunch, which is not in scope; set AssociatePublicIpAddress: false to decide it here"
        )
    if is_true(view.neighbour(subnet).get("MapPublicIpOnLaunch")):
        return failed(f"instance {view.id} is launched into subnet {subnet.id}, which assigns public IPs")
    return passed(f"instance is launched into subnet {subnet.id}, which assigns no public IPs")


EXAMPLES = (
    Example(
        "private",
        example_resource("AWS::EC2::Instance", {"PrivateIpAddress": "10.0.1.5", "PublicIp": None}),
        FindingStatus.PASS,
    ),
    Example(
        "public", example_resource("AWS::EC2::Instance", {"PublicIp": "203.0.113.7"}), FindingStatus.FAIL
    ),
    Example(
        "nic",
        example_resource("AWS::EC2::Instance", {"NetworkInterfaces": [{"AssociatePublicIpAddress": True}]}),
        FindingStatus.FAIL,
    ),
    Example(
        "subnet-maps-public-ips",
        example_resource("AWS::EC2::Instance", {"SubnetId": "PublicSubnet"}),
        FindingStatus.FAIL,
        related=(example_resource(SUBNET, {"MapPublicIpOnLaunch": True}, rid="PublicSubnet"),),
    ),
    Example(
        "private-subnet",
        example_resource("AWS::EC2::Instance", {"SubnetId": "AppSubnet"}),
        FindingStatus.PASS,
        related=(example_resource(SUBNET, {"VpcId": "vpc-1"}, rid="AppSubnet"),),
    ),
    Example(
        "subnet-out-of-scope",
        example_resource("AWS::EC2::Instance", {"SubnetId": "subnet-0abc"}),
        FindingStatus.UNKNOWN,
    ),
)
