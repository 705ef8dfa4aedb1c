"""Compute sits in private subnets: instances have no public IP address."""

from wasp.model import FindingStatus, Severity
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
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when the instance has (or is configured to get) a public address."""
    if view.get("Supplementary.State") in ("terminated", "shutting-down"):
        return None
    public_ip = view.get("PublicIp")
    if public_ip:
        return failed(f"instance {view.id} has public IP {public_ip}")
    for nic in view.get("NetworkInterfaces", []):
        if isinstance(nic, dict) and nic.get("AssociatePublicIpAddress") in (True, "true"):
            return failed(f"instance {view.id} is launched with a public IP")
    return passed("instance has no public IP")


EXAMPLES = (
    Example(
        "private",
        example_resource("AWS::EC2::Instance", {"PrivateIpAddress": "10.0.1.5"}),
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
)
