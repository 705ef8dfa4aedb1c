"""Redshift clusters keep automated snapshots."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import at_least, examples, expect

META = RuleMeta(
    title="Redshift clusters keep automated snapshots",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::Redshift::Cluster",
    description="A retention period of 0 turns automated snapshots off: nothing to restore after a destructive change.",
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Maintenance > Backup > Automated snapshot retention period: 7 days.",
        cli="aws redshift modify-cluster --cluster-identifier CLUSTER --automated-snapshot-retention-period 7",
        cloudformation="AutomatedSnapshotRetentionPeriod: 7",
        terraform="automated_snapshot_retention_period = 7",
    ),
    checkov=("CKV_AWS_343",),
)

evaluate = expect(
    "AutomatedSnapshotRetentionPeriod",
    at_least(1),
    ok="automated snapshots kept {value} days",
    bad="Redshift cluster {name} keeps no automated snapshots",
    default=1,
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("default", {"ClusterType": "multi-node"})],
    failing=[("off", {"AutomatedSnapshotRetentionPeriod": 0})],
)
