"""ElastiCache replication groups encrypt their data at rest."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, is_true

META = RuleMeta(
    title="ElastiCache replication groups are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::ElastiCache::ReplicationGroup",
    description="Encryption at rest covers the nodes' disks during sync and swap and the backups in S3. Redis OSS "
    "groups are unencrypted unless AtRestEncryptionEnabled is set at creation; Valkey groups are encrypted by "
    "default.",
    remediation=Remediation(
        console="Create a new replication group with encryption at rest, restore from a backup of the old one, "
        "then switch clients over.",
        cli="aws elasticache create-replication-group --replication-group-id NEW --at-rest-encryption-enabled "
        "--snapshot-name SNAP --replication-group-description DESC",
        cloudformation="AtRestEncryptionEnabled: true",
        terraform="at_rest_encryption_enabled = true",
    ),
    checkov=("CKV_AWS_29",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless at-rest encryption is on (the default only for Valkey)."""
    valkey = str(view.get("Engine") or "redis").lower() == "valkey"
    if is_true(view.get("AtRestEncryptionEnabled", valkey)):
        return passed("encrypted at rest")
    return failed(f"replication group {view.resource.origin.address or view.id} is not encrypted at rest")


EXAMPLES = examples(
    "AWS::ElastiCache::ReplicationGroup",
    passing=[("on", {"AtRestEncryptionEnabled": True}), ("valkey-default", {"Engine": "valkey"})],
    failing=[
        ("redis-default", {"Engine": "redis"}),
        ("off", {"Engine": "valkey", "AtRestEncryptionEnabled": False}),
    ],
) + unknowns(
    "AWS::ElastiCache::ReplicationGroup",
    ("deploy-time", {"AtRestEncryptionEnabled": Unresolved("a parameter with no default")}),
)
