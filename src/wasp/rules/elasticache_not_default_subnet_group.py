"""ElastiCache clusters run in a subnet group of their own."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="ElastiCache clusters do not use the default subnet group",
    severity=Severity.LOW,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::ElastiCache::CacheCluster",
    description="Without CacheSubnetGroupName a cache lands in the default subnet group, the default VPC's subnets, which are public subnets shared with everything else launched without a network design.",
    remediation=Remediation(
        console="Create a cache subnet group of private subnets and create the cache in it (the subnet group cannot be changed).",
        cli="aws elasticache create-cache-subnet-group --cache-subnet-group-name private --cache-subnet-group-description D --subnet-ids SUBNETS",
        cloudformation="CacheSubnetGroupName: !Ref PrivateCacheSubnets",
        terraform="subnet_group_name = aws_elasticache_subnet_group.private.name",
    ),
    checkov=("CKV_AWS_323",),
)

evaluate = expect(
    "CacheSubnetGroupName",
    none_of("", "default"),
    ok="subnet group {value}",
    bad="cache {name} runs in the default subnet group (default VPC)",
    default="default",
)

EXAMPLES = examples(
    "AWS::ElastiCache::CacheCluster",
    passing=[("own", {"CacheSubnetGroupName": "private-cache"})],
    failing=[("absent", {"Engine": "redis"}), ("default", {"CacheSubnetGroupName": "default"})],
)
