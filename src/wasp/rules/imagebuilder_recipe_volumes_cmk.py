"""Image Builder recipes encrypt their EBS volumes with a customer-managed key."""

from wasp.model import Severity
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
)
from wasp.rules._data_checks import unknown_example, volumes_keyed
from wasp.rules._expect import examples

META = RuleMeta(
    title="Image Builder recipes encrypt EBS volumes with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::ImageBuilder::ImageRecipe",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="EC2 Image Builder > Image recipes > Create: Storage (volumes) > Encrypted with a customer-managed key.",
        cli="aws imagebuilder create-image-recipe --block-device-mappings 'deviceName=/dev/xvda,ebs={encrypted=true,kmsKeyId=KEY}' ...",
        cloudformation="BlockDeviceMappings: [{DeviceName: /dev/xvda, Ebs: {Encrypted: true, KmsKeyId: !Ref Key}}]",
        terraform="block_device_mapping { ebs { encrypted = true  kms_key_id = aws_kms_key.this.arn } }",
    ),
    checkov=("CKV_AWS_200",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Each EBS block device mapping names a customer-managed key; one without fails whatever else is unknown."""
    return volumes_keyed(view, ctx, "image recipe")


EXAMPLES = (
    *examples(
        "AWS::ImageBuilder::ImageRecipe",
        passing=[
            (
                "cmk",
                {
                    "BlockDeviceMappings": [
                        {
                            "DeviceName": "/dev/xvda",
                            "Ebs": {"Encrypted": True, "KmsKeyId": "arn:aws:kms:eu-west-2:1:key/1"},
                        }
                    ]
                },
            )
        ],
        failing=[
            ("no-key", {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": True}}]})
        ],
    ),
    unknown_example("AWS::ImageBuilder::ImageRecipe", "BlockDeviceMappings"),
)
