"""Instances declared in a template encrypt the EBS volumes they declare."""

from dataclasses import replace

from wasp.model import FindingStatus, Origin, OriginKind, Resource, Severity
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
    title="EC2 instances declared in templates encrypt their EBS volumes",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::EC2::Instance",
    description="BlockDeviceMappings (root_block_device, ebs_block_device) without Encrypted create plain "
    "volumes unless the account encrypts EBS by default. Live, each attached volume is judged on its own "
    "(ebs_volume_encrypted), so this rule answers for templates only.",
    remediation=Remediation(
        console="Volumes cannot be encrypted in place: snapshot, copy the snapshot encrypted, swap the volume; "
        "turn on EBS encryption by default.",
        cli="aws ec2 enable-ebs-encryption-by-default",
        cloudformation="BlockDeviceMappings: [{DeviceName: /dev/xvda, Ebs: {Encrypted: true}}]",
        terraform="root_block_device { encrypted = true }",
    ),
    checkov=("CKV_AWS_8",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Templates only: fail each declared EBS volume that is not encrypted."""
    if view.resource.origin.kind not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM):
        return None
    return volumes_verdict(view, f"instance {view.resource.origin.address or view.id}")


def _declared(props: dict[str, object]) -> Resource:
    origin = Origin(kind=OriginKind.TERRAFORM, file="main.tf", line=1, address="aws_instance.web")
    return replace(example_resource("AWS::EC2::Instance", props), origin=origin)


EXAMPLES = (
    Example(
        "encrypted",
        _declared({"BlockDeviceMappings": [{"DeviceName": "(root)", "Ebs": {"Encrypted": True}}]}),
        FindingStatus.PASS,
    ),
    Example(
        "plain",
        _declared({"BlockDeviceMappings": [{"DeviceName": "(root)", "Ebs": {"VolumeSize": 50}}]}),
        FindingStatus.FAIL,
    ),
)
