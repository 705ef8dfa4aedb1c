"""Auto Scaling launch configurations do not give their instances public IP addresses."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import Example, Remediation, RuleMeta, example_resource
from wasp.rules._expect import expect, is_false

META = RuleMeta(
    title="Launch configurations assign no public IP addresses",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::AutoScaling::LaunchConfiguration",
    public_exposure=True,
    description="AssociatePublicIpAddress: true puts every instance the group launches on the internet, one "
    "security-group mistake away from exposure; instances belong in private subnets behind a load balancer. "
    "Unset, the subnet's MapPublicIpOnLaunch decides (judged on the subnet).",
    remediation=Remediation(
        console="Copy the launch configuration (or move to a launch template) without a public IP, and update "
        "the Auto Scaling group; place it in private subnets.",
        cli="aws autoscaling create-launch-configuration --launch-configuration-name NEW ... "
        "--no-associate-public-ip-address",
        cloudformation="AssociatePublicIpAddress: false",
        terraform="associate_public_ip_address = false",
    ),
    checkov=("CKV_AWS_389",),
)

evaluate = expect(
    "AssociatePublicIpAddress",
    lambda value: value is None or is_false(value),
    ok="no public IP requested",
    bad="launch configuration {name} gives every instance a public IP address",
)

_T = "AWS::AutoScaling::LaunchConfiguration"
EXAMPLES = (
    Example("private", example_resource(_T, {"AssociatePublicIpAddress": False}), FindingStatus.PASS),
    Example("subnet-decides", example_resource(_T, {"ImageId": "ami-1"}), FindingStatus.PASS),
    Example("public", example_resource(_T, {"AssociatePublicIpAddress": True}), FindingStatus.FAIL),
    Example("public-string", example_resource(_T, {"AssociatePublicIpAddress": "true"}), FindingStatus.FAIL),
)
