"""AMIs registered by Terraform encrypt their EBS snapshots with a customer-managed key."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._data_checks import KMS_WHY, volumes_keyed

IMAGE = "WASP::EC2::Image"

META = RuleMeta(
    title="AMIs encrypt their EBS volumes with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type=IMAGE,
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY + " An AMI's snapshots are copied into every volume launched from it.",
    remediation=Remediation(
        console="EC2 > AMIs > AMI > Actions > Copy AMI > Encrypt EBS snapshots with a customer-managed key; use the copy.",
        cli="aws ec2 copy-image --source-image-id AMI --source-region REGION --name NAME --encrypted --kms-key-id KEY_ARN",
        cloudformation="CloudFormation has no AMI resource; build images with Image Builder (AWS::ImageBuilder::ImageRecipe).",
        terraform='ebs_block_device { device_name = "/dev/xvda"  encrypted = true  kms_key_id = aws_kms_key.this.arn }',
    ),
    checkov=("CKV_AWS_204",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Each EBS block device names a customer-managed key; one without fails whatever else is unknown."""
    return volumes_keyed(view, ctx, "AMI")


def _image(key: object) -> dict[str, object]:
    ebs: dict[str, object] = {"Encrypted": True} if key is None else {"Encrypted": True, "KmsKeyId": key}
    return {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": ebs}]}


EXAMPLES = (
    Example("cmk", example_resource(IMAGE, _image("arn:aws:kms:eu-west-2:1:key/1")), FindingStatus.PASS),
    Example("default-key", example_resource(IMAGE, _image(None)), FindingStatus.FAIL),
    Example(
        "known-after-deploy", example_resource(IMAGE, _image(Unresolved("var.key"))), FindingStatus.UNKNOWN
    ),
)
