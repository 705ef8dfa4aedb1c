"""EBS volumes are encrypted at rest."""

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
    title="EBS volumes are encrypted",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::EC2::Volume",
    description="Unencrypted volumes and their snapshots expose data to anyone who can copy them.",
    remediation=Remediation(
        console="Snapshot the volume, copy the snapshot with encryption on, create a volume from it and swap "
        "it in; then turn on EBS encryption by default.",
        cli="aws ec2 copy-snapshot --source-snapshot-id SNAP --source-region REGION --encrypted --kms-key-id KEY",
        cloudformation="Encrypted: true  # with KmsKeyId for confidential data",
        terraform="encrypted = true  # with kms_key_id for confidential data",
    ),
    checkov=("CKV_AWS_3",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless Encrypted is true."""
    if view.get("Encrypted") in (True, "true"):
        return passed("volume is encrypted")
    return failed(f"EBS volume {view.id} is not encrypted")


EXAMPLES = (
    Example("encrypted", example_resource("AWS::EC2::Volume", {"Encrypted": True}), FindingStatus.PASS),
    Example("plain", example_resource("AWS::EC2::Volume", {"Encrypted": False}), FindingStatus.FAIL),
)
