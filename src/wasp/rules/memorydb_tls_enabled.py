"""MemoryDB clusters encrypt data in transit."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="MemoryDB clusters require TLS",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::MemoryDB::Cluster",
    description="A MemoryDB cluster created with TLS off sends data, commands and credentials in plaintext, and TLS cannot be turned on later.",
    remediation=Remediation(
        console="Create a new cluster with Encryption in transit on, migrate with a snapshot, and delete the old one.",
        cli="aws memorydb create-cluster --cluster-name NAME --tls-enabled --node-type NODE --acl-name ACL",
        cloudformation="TLSEnabled: true (the default)",
        terraform="tls_enabled = true (the default)",
    ),
    checkov=("CKV_AWS_202",),
)

evaluate = expect(
    "TLSEnabled",
    is_true,
    ok="TLS on",
    bad="cluster {name} sends data in plaintext (TLSEnabled false)",
    default=True,
)

EXAMPLES = examples(
    "AWS::MemoryDB::Cluster",
    passing=[("default", {"ClusterName": "sessions"})],
    failing=[("off", {"TLSEnabled": False})],
) + unknowns(
    "AWS::MemoryDB::Cluster", ("deploy-time", {"TLSEnabled": Unresolved("a parameter with no default")})
)
