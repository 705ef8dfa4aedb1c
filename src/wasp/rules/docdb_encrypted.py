"""DocumentDB clusters are encrypted at rest."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="DocumentDB clusters are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::DocDB::DBCluster",
    description="DocumentDB clusters are unencrypted unless StorageEncrypted is set at creation; encryption (KMS) then covers storage, backups, snapshots and replicas.",
    remediation=Remediation(
        console="Snapshot the cluster, restore the snapshot with encryption (KMS key) and switch over.",
        cli="aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier NEW --snapshot-identifier SNAP --engine docdb --kms-key-id KEY",
        cloudformation="StorageEncrypted: true",
        terraform="storage_encrypted = true",
    ),
    checkov=("CKV_AWS_74",),
)

evaluate = expect(
    "StorageEncrypted",
    is_true,
    ok="encrypted at rest",
    bad="DocumentDB cluster {name} is not encrypted at rest",
)

EXAMPLES = examples(
    "AWS::DocDB::DBCluster",
    passing=[("on", {"StorageEncrypted": True})],
    failing=[("absent", {"DBClusterIdentifier": "docs"})],
) + unknowns(
    "AWS::DocDB::DBCluster", ("deploy-time", {"StorageEncrypted": Unresolved("a parameter with no default")})
)
