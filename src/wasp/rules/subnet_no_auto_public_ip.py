"""Subnets do not give every instance a public IP address."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_false
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Subnets do not assign public IP addresses by default",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::EC2::Subnet",
    description="With MapPublicIpOnLaunch every instance launched into the subnet is reachable from the "
    "internet unless its security group says otherwise; public addresses should be a choice per instance "
    "(or per load balancer), not a subnet default.",
    remediation=Remediation(
        console="VPC > Subnets > SUBNET > Actions > Edit subnet settings: clear Enable auto-assign public IPv4.",
        cli="aws ec2 modify-subnet-attribute --subnet-id SUBNET --no-map-public-ip-on-launch",
        cloudformation="MapPublicIpOnLaunch: false",
        terraform="map_public_ip_on_launch = false",
    ),
    checkov=("CKV_AWS_130",),
)

_evaluate = expect(
    "MapPublicIpOnLaunch",
    is_false,
    ok="no public IP by default",
    bad="subnet {name} gives every instance a public IP address",
    default=False,
)


evaluate = live_reads("MapPublicIpOnLaunch", _evaluate)

EXAMPLES = with_read(
    {"MapPublicIpOnLaunch": False},
    examples(
        "AWS::EC2::Subnet",
        passing=[("default", {"CidrBlock": "10.0.1.0/24"}), ("off", {"MapPublicIpOnLaunch": False})],
        failing=[("on", {"MapPublicIpOnLaunch": True})],
    ),
)
