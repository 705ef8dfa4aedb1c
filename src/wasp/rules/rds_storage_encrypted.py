"""RDS instance is encrypted at rest."""

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
    title="RDS instance is encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::RDS::DBInstance",
    description="Encryption at rest (a KMS key at least AWS-managed) protects data in storage, snapshots and backups.",
    remediation=Remediation(
        console="Snapshot the instance, copy the snapshot with encryption (KMS key), restore from it and switch over.",
        cli="aws rds copy-db-snapshot --source-db-snapshot-identifier SNAP --target-db-snapshot-identifier SNAP-enc --kms-key-id KEY",
        cloudformation="StorageEncrypted: true, KmsKeyId: !Ref Key",
        terraform="storage_encrypted = true, kms_key_id = aws_kms_key.db.arn",
    ),
    checkov=("CKV_AWS_16",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless encryption is on."""
    if view.get("StorageEncrypted") in (True, "true") or view.get("DBClusterIdentifier"):
        return passed("encrypted at rest")
    return failed(f"RDS instance {view.id} is not encrypted at rest")


EXAMPLES = (
    Example(
        "encrypted", example_resource("AWS::RDS::DBInstance", {"StorageEncrypted": True}), FindingStatus.PASS
    ),
    Example(
        "plain", example_resource("AWS::RDS::DBInstance", {"StorageEncrypted": False}), FindingStatus.FAIL
    ),
)
