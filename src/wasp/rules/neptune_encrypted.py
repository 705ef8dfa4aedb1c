"""Neptune clusters are encrypted at rest."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Neptune clusters are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Neptune::DBCluster",
    description="Encryption at rest (KMS) covers the cluster's storage, automated backups, snapshots and replicas; it cannot be turned on after creation.",
    remediation=Remediation(
        console="Snapshot the cluster, restore the snapshot with encryption (KMS key) and switch over.",
        cli="aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier NEW --snapshot-identifier SNAP --engine neptune --kms-key-id KEY",
        cloudformation="StorageEncrypted: true",
        terraform="storage_encrypted = true",
    ),
    checkov=("CKV_AWS_44",),
)

evaluate = expect(
    "StorageEncrypted",
    is_true,
    ok="encrypted at rest",
    bad="Neptune cluster {name} is not encrypted at rest",
)

EXAMPLES = examples(
    "AWS::Neptune::DBCluster",
    passing=[("on", {"StorageEncrypted": True})],
    failing=[("absent", {"DBClusterIdentifier": "graph"})],
) + unknowns(
    "AWS::Neptune::DBCluster",
    ("deploy-time", {"StorageEncrypted": Unresolved("a parameter with no default")}),
)
