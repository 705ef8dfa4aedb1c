"""DocumentDB global clusters are encrypted at rest."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="DocumentDB global clusters are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::DocDB::GlobalCluster",
    description="A global cluster created without StorageEncrypted (and not from an encrypted source cluster) replicates unencrypted storage to every Region it spans; DocumentDB does not encrypt by default.",
    remediation=Remediation(
        console="Create the global cluster from an encrypted cluster (encryption cannot be turned on later).",
        cli="aws docdb create-global-cluster --global-cluster-identifier G --source-db-cluster-identifier ENCRYPTED_CLUSTER_ARN",
        cloudformation="StorageEncrypted: true (or SourceDBClusterIdentifier of an encrypted cluster)",
        terraform="storage_encrypted = true",
    ),
    checkov=("CKV_AWS_292",),
)

evaluate = expect(
    "StorageEncrypted",
    is_true,
    ok="encrypted at rest",
    bad="global cluster {name} is not encrypted at rest",
    applies=lambda v: not v.get("SourceDBClusterIdentifier"),
)

EXAMPLES = examples(
    "AWS::DocDB::GlobalCluster",
    passing=[("encrypted", {"Engine": "docdb", "StorageEncrypted": True})],
    failing=[("absent", {"Engine": "docdb"})],
)
