"""RDS/Aurora clusters keep automated backups for at least a week."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import MIN_BACKUP_DAYS
from wasp.rules._expect import at_least, examples, expect

META = RuleMeta(
    title="RDS/Aurora clusters keep automated backups for 7 days or more",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::RDS::DBCluster",
    description="Automated backups (and point-in-time restore) are how a cluster comes back after a destructive "
    "change or ransomware; the default of 1 day is often gone before the damage is noticed.",
    remediation=Remediation(
        console="RDS > Databases > CLUSTER > Modify > Backup > Backup retention period: 7 days or more.",
        cli="aws rds modify-db-cluster --db-cluster-identifier CLUSTER --backup-retention-period 7 "
        "--apply-immediately",
        cloudformation="BackupRetentionPeriod: 7",
        terraform="backup_retention_period = 7",
    ),
    checkov=("CKV_AWS_133",),
)

evaluate = expect(
    "BackupRetentionPeriod",
    at_least(MIN_BACKUP_DAYS),
    ok="backups kept {value} days",
    bad=f"cluster {{name}} keeps automated backups {{value}} day(s), under {MIN_BACKUP_DAYS}",
    default=1,
)

EXAMPLES = examples(
    "AWS::RDS::DBCluster",
    passing=[("fortnight", {"BackupRetentionPeriod": 14})],
    failing=[("default", {"Engine": "aurora-mysql"})],
)
