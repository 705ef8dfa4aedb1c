"""DocumentDB clusters keep automated backups for at least a week."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import MIN_BACKUP_DAYS
from wasp.rules._expect import at_least, examples, expect

META = RuleMeta(
    title="DocumentDB clusters keep automated backups for 7 days or more",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::DocDB::DBCluster",
    description="Automated backups are how a cluster comes back after a destructive change or ransomware; the default of 1 day is often gone before the damage is noticed.",
    remediation=Remediation(
        console="Amazon DocumentDB > Clusters > CLUSTER > Modify > Backup retention period: 7 days or more.",
        cli="aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --backup-retention-period 7 --apply-immediately",
        cloudformation="BackupRetentionPeriod: 7",
        terraform="backup_retention_period = 7",
    ),
    checkov=("CKV_AWS_360",),
)

evaluate = expect(
    "BackupRetentionPeriod",
    at_least(MIN_BACKUP_DAYS),
    ok="backups kept {value} days",
    bad="DocumentDB cluster {name} keeps automated backups {value} day(s), under 7",
    default=1,
)

EXAMPLES = examples(
    "AWS::DocDB::DBCluster",
    passing=[("week", {"BackupRetentionPeriod": 7})],
    failing=[("default", {"DBClusterIdentifier": "docs"})],
)
