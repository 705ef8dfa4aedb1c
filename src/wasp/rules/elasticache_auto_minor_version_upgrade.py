"""ElastiCache clusters take minor engine versions automatically."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="ElastiCache clusters upgrade minor versions automatically",
    severity=Severity.LOW,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::ElastiCache::CacheCluster",
    description="Minor engine versions carry security fixes; automatic minor upgrades apply them in the maintenance window.",
    remediation=Remediation(
        console="ElastiCache > caches > CACHE > Modify > Maintenance > Auto upgrade minor versions: Enable.",
        cli="aws elasticache modify-cache-cluster --cache-cluster-id CACHE --auto-minor-version-upgrade",
        cloudformation="AutoMinorVersionUpgrade: true (the default)",
        terraform="auto_minor_version_upgrade = true (the default)",
    ),
    checkov=("CKV_AWS_322",),
)

evaluate = expect(
    "AutoMinorVersionUpgrade",
    is_true,
    ok="minor versions applied automatically",
    bad="cache {name} does not take minor versions (security patches) automatically",
    default=True,
)

EXAMPLES = examples(
    "AWS::ElastiCache::CacheCluster",
    passing=[("default", {"Engine": "redis"})],
    failing=[("off", {"Engine": "redis", "AutoMinorVersionUpgrade": "false"})],
)
