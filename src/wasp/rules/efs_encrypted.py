"""EFS file system is encrypted at rest."""

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
    title="EFS file system is encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::EFS::FileSystem",
    description="Encryption at rest (a KMS key at least AWS-managed) protects data in storage, snapshots and backups.",
    remediation=Remediation(
        console="Create an encrypted file system and copy data with AWS DataSync; EFS cannot be encrypted in place.",
        cli="aws efs create-file-system --encrypted --kms-key-id KEY",
        cloudformation="Encrypted: true, KmsKeyId: !Ref Key",
        terraform="encrypted = true",
    ),
    checkov=("CKV_AWS_42",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless encryption is on."""
    if view.get("Encrypted") in (True, "true"):
        return passed("encrypted at rest")
    return failed(f"EFS file system {view.id} is not encrypted at rest")


EXAMPLES = (
    Example("encrypted", example_resource("AWS::EFS::FileSystem", {"Encrypted": True}), FindingStatus.PASS),
    Example("plain", example_resource("AWS::EFS::FileSystem", {"Encrypted": False}), FindingStatus.FAIL),
)
