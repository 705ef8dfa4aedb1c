"""Redshift clusters take engine version upgrades."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Redshift clusters allow version upgrades",
    severity=Severity.LOW,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::Redshift::Cluster",
    description="Engine upgrades carry security fixes; AllowVersionUpgrade false keeps a cluster on a version with known vulnerabilities.",
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Maintenance > Edit > Allow version upgrade: on.",
        cli="aws redshift modify-cluster --cluster-identifier CLUSTER --allow-version-upgrade",
        cloudformation="AllowVersionUpgrade: true (the default)",
        terraform="allow_version_upgrade = true (the default)",
    ),
    checkov=("CKV_AWS_141",),
)

evaluate = expect(
    "AllowVersionUpgrade",
    is_true,
    ok="version upgrades allowed",
    bad="Redshift cluster {name} refuses engine upgrades (security fixes)",
    default=True,
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("default", {"ClusterType": "multi-node"})],
    failing=[("off", {"AllowVersionUpgrade": False})],
)
