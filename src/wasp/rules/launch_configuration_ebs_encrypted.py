"""Auto Scaling launch configurations encrypt the EBS volumes they declare."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._iam_launch import volumes_verdict

META = RuleMeta(
    title="Launch configurations encrypt their EBS volumes",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::AutoScaling::LaunchConfiguration",
    description="Every instance the group launches gets the volumes the configuration declares; unencrypted, "
    "they and their snapshots can be read by anyone who can copy them, unless the account encrypts EBS by "
    "default (ebs_encryption_by_default judges that live).",
    remediation=Remediation(
        console="Launch configurations cannot be edited: copy it (or better, move to a launch template) with "
        "'Encrypted' ticked on each volume, and update the Auto Scaling group.",
        cli="aws autoscaling create-launch-configuration --launch-configuration-name NEW ... "
        "--block-device-mappings 'DeviceName=/dev/xvda,Ebs={Encrypted=true}'",
        cloudformation="BlockDeviceMappings: [{DeviceName: /dev/xvda, Ebs: {Encrypted: true}}]",
        terraform="root_block_device { encrypted = true }  # and each ebs_block_device",
    ),
    checkov=("CKV_AWS_8",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail each declared EBS volume that is not encrypted."""
    return volumes_verdict(view, f"launch configuration {view.label('LaunchConfigurationName')}")


_T = "AWS::AutoScaling::LaunchConfiguration"
EXAMPLES = (
    Example(
        "encrypted",
        example_resource(
            _T, {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": True}}]}
        ),
        FindingStatus.PASS,
    ),
    Example(
        "unset",
        example_resource(
            _T, {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"VolumeSize": 20}}]}
        ),
        FindingStatus.FAIL,
    ),
    Example("ami-default", example_resource(_T, {"ImageId": "ami-1"}), FindingStatus.UNKNOWN),
)
