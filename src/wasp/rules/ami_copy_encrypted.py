"""AMI copies are encrypted."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="AMI copies are encrypted",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="WASP::EC2::ImageCopy",
    description="Copying an AMI is the moment to encrypt its snapshots; an unencrypted copy spreads unencrypted volumes to every instance launched from it.",
    remediation=Remediation(
        console="EC2 > AMIs > AMI > Actions > Copy AMI > Encrypt EBS snapshots of AMI copy.",
        cli="aws ec2 copy-image --source-image-id AMI --source-region REGION --name NAME --encrypted",
        cloudformation="CloudFormation has no resource for this; use the CLI or Terraform.",
        terraform="encrypted = true",
    ),
    checkov=("CKV_AWS_235",),
)

evaluate = expect(
    "Encrypted",
    is_true,
    ok="copy encrypted",
    bad="AMI copy {name} is not encrypted",
    default=False,
)

EXAMPLES = (
    *examples(
        "WASP::EC2::ImageCopy",
        passing=[("on", {"Encrypted": True})],
        failing=[("absent", {"Name": "golden"})],
    ),
    unknown_example("WASP::EC2::ImageCopy", "Encrypted"),
)
