"""Aurora/RDS cluster is encrypted at rest."""

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
    title="Aurora/RDS cluster is encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::RDS::DBCluster",
    description="Encryption at rest (a KMS key at least AWS-managed) protects data in storage, snapshots and backups.",
    remediation=Remediation(
        console="Snapshot the cluster, restore it with encryption enabled (KMS key) and switch over.",
        cli="aws rds restore-db-cluster-from-snapshot --snapshot-identifier SNAP --db-cluster-identifier NEW --kms-key-id KEY --engine ENGINE",
        cloudformation="StorageEncrypted: true, KmsKeyId: !Ref Key",
        terraform="storage_encrypted = true",
    ),
    checkov=("CKV_AWS_96",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless encryption is on."""
    if view.get("StorageEncrypted") in (True, "true"):
        return passed("encrypted at rest")
    return failed(f"Aurora/RDS cluster {view.id} is not encrypted at rest")


EXAMPLES = (
    Example(
        "encrypted", example_resource("AWS::RDS::DBCluster", {"StorageEncrypted": True}), FindingStatus.PASS
    ),
    Example(
        "plain", example_resource("AWS::RDS::DBCluster", {"StorageEncrypted": False}), FindingStatus.FAIL
    ),
)
