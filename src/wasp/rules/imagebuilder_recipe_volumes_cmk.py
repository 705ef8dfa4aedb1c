"""Image Builder recipes encrypt their EBS volumes with a customer-managed key."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import customer_key, unknown_example
from wasp.rules._expect import examples, expect

META = RuleMeta(
    title="Image Builder recipes encrypt EBS volumes with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::ImageBuilder::ImageRecipe",
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="EC2 Image Builder > Image recipes > Create: Storage (volumes) > Encrypted with a customer-managed key.",
        cli="aws imagebuilder create-image-recipe --block-device-mappings 'deviceName=/dev/xvda,ebs={encrypted=true,kmsKeyId=KEY}' ...",
        cloudformation="BlockDeviceMappings: [{DeviceName: /dev/xvda, Ebs: {Encrypted: true, KmsKeyId: !Ref Key}}]",
        terraform="block_device_mapping { ebs { encrypted = true  kms_key_id = aws_kms_key.this.arn } }",
    ),
    checkov=("CKV_AWS_200",),
)


def _every_volume_keyed(mappings: Any) -> bool:
    """Each EBS block device mapping is encrypted with a customer-managed key."""
    listed = mappings if isinstance(mappings, list) else [mappings]
    volumes = [m.get("Ebs") for m in listed if isinstance(m, dict) and m.get("Ebs")]
    return all(isinstance(v, dict) and customer_key(v.get("KmsKeyId")) for v in volumes)


evaluate = expect(
    "BlockDeviceMappings",
    _every_volume_keyed,
    ok="every EBS volume encrypted with a customer-managed key",
    bad="image recipe {name} has EBS volumes without a customer-managed KMS key",
    default=[],
)

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
