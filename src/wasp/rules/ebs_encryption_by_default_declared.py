"""Configuration that manages EBS encryption by default keeps it on."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="EBS encryption by default is not turned off in IaC",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP03",),
    resource_type="WASP::EC2::EbsEncryptionByDefault",
    description="Terraform's aws_ebs_encryption_by_default sets the region's default; enabled = false turns off the control that makes every new volume and snapshot copy encrypted (the live account is judged by ebs_encryption_by_default).",
    remediation=Remediation(
        console="EC2 > Settings (per region) > Data protection and security > EBS encryption > Manage > Enable.",
        cli="aws ec2 enable-ebs-encryption-by-default --region REGION",
        cloudformation="No native resource; enable per region with the CLI or StackSets + a custom resource.",
        terraform='resource "aws_ebs_encryption_by_default" "this" { enabled = true }',
    ),
    checkov=("CKV_AWS_106",),
)

evaluate = expect(
    "Enabled",
    is_true,
    ok="encryption by default on",
    bad="{name} turns EBS encryption by default off",
    default=True,
)

EXAMPLES = (
    *examples(
        "WASP::EC2::EbsEncryptionByDefault",
        passing=[("on", {"Enabled": True})],
        failing=[("off", {"Enabled": False})],
    ),
    unknown_example("WASP::EC2::EbsEncryptionByDefault", "Enabled"),
)
