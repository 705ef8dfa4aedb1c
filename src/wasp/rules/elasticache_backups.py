"""ElastiCache Redis/Valkey clusters keep automatic backups."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import at_least, examples, expect

META = RuleMeta(
    title="ElastiCache Redis/Valkey clusters keep automatic backups",
    severity=Severity.LOW,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::ElastiCache::CacheCluster",
    description="With a snapshot retention limit of 0 (the default) there is no automatic backup to restore the cache's data from after a destructive command or a compromised client. Memcached has no backups.",
    remediation=Remediation(
        console="ElastiCache > Redis OSS/Valkey caches > CACHE > Modify > Backup > Enable automatic backups (retention 7 days).",
        cli="aws elasticache modify-cache-cluster --cache-cluster-id CACHE --snapshot-retention-limit 7",
        cloudformation="SnapshotRetentionLimit: 7",
        terraform="snapshot_retention_limit = 7",
    ),
    checkov=("CKV_AWS_134",),
)

evaluate = expect(
    "SnapshotRetentionLimit",
    at_least(1),
    ok="backups kept {value} days",
    bad="cache {name} keeps no automatic backups",
    default=0,
    applies=lambda v: (
        str(v.get("Engine") or "redis").lower() != "memcached" and not v.get("ReplicationGroupId")
    ),
)

EXAMPLES = examples(
    "AWS::ElastiCache::CacheCluster",
    passing=[("week", {"Engine": "redis", "SnapshotRetentionLimit": 7})],
    failing=[("absent", {"Engine": "redis"}), ("zero", {"Engine": "valkey", "SnapshotRetentionLimit": "0"})],
)
