"""Aurora global databases are encrypted at rest."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Aurora global databases are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::RDS::GlobalCluster",
    description="A global database created without StorageEncrypted (and not from an encrypted source cluster) "
    "replicates unencrypted storage to every Region it spans.",
    remediation=Remediation(
        console="Create the global database from an encrypted cluster (encryption cannot be turned on later).",
        cli="aws rds create-global-cluster --global-cluster-identifier G --source-db-cluster-identifier "
        "ENCRYPTED_CLUSTER_ARN",
        cloudformation="StorageEncrypted: true (or SourceDBClusterIdentifier of an encrypted cluster)",
        terraform="storage_encrypted = true",
    ),
    checkov=("CKV_AWS_140",),
)

evaluate = expect(
    "StorageEncrypted",
    is_true,
    ok="encrypted at rest",
    bad="global database {name} is not encrypted at rest",
    applies=lambda v: not v.get("SourceDBClusterIdentifier"),
)

EXAMPLES = examples(
    "AWS::RDS::GlobalCluster",
    passing=[("encrypted", {"Engine": "aurora-postgresql", "StorageEncrypted": True})],
    failing=[("absent", {"Engine": "aurora-postgresql"})],
)
