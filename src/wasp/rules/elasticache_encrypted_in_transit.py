"""ElastiCache replication groups encrypt client and replication traffic."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="ElastiCache replication groups encrypt data in transit",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ElastiCache::ReplicationGroup",
    description="Without in-transit encryption, cached data and commands (and any AUTH token) cross the network in plaintext.",
    remediation=Remediation(
        console="ElastiCache > Redis OSS/Valkey caches > CACHE > Modify > Encryption in transit: enable (mode preferred, then required).",
        cli="aws elasticache modify-replication-group --replication-group-id RG --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately",
        cloudformation="TransitEncryptionEnabled: true",
        terraform="transit_encryption_enabled = true",
    ),
    checkov=("CKV_AWS_30",),
)

evaluate = expect(
    "TransitEncryptionEnabled",
    is_true,
    ok="in-transit encryption on",
    bad="replication group {name} sends data in plaintext",
)

EXAMPLES = examples(
    "AWS::ElastiCache::ReplicationGroup",
    passing=[("on", {"TransitEncryptionEnabled": True})],
    failing=[("absent", {"Engine": "redis"})],
)
