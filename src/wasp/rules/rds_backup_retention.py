"""RDS instances outside a cluster keep automated backups for at least a week."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import MIN_BACKUP_DAYS, standalone, unknowns
from wasp.rules._expect import at_least, examples, expect

META = RuleMeta(
    title="RDS instances keep automated backups for 7 days or more",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::RDS::DBInstance",
    description="Automated backups (and point-in-time restore) are how a database comes back after a destructive "
    "change or ransomware; a retention of 0 turns them off and the default of 1 day is often gone before the "
    "damage is noticed. Aurora members are judged by their cluster.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Backup > Backup retention period: 7 days or more.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --backup-retention-period 7 --apply-immediately",
        cloudformation="BackupRetentionPeriod: 7",
        terraform="backup_retention_period = 7",
    ),
    checkov=("CKV_AWS_133",),
)

evaluate = expect(
    "BackupRetentionPeriod",
    at_least(MIN_BACKUP_DAYS),
    ok="backups kept {value} days",
    bad=f"database {{name}} keeps automated backups {{value}} day(s), under {MIN_BACKUP_DAYS}",
    default=1,
    applies=standalone,
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("week", {"BackupRetentionPeriod": "7"})],
    failing=[("default", {"Engine": "mysql"}), ("off", {"BackupRetentionPeriod": 0})],
) + unknowns(
    "AWS::RDS::DBInstance",
    ("deploy-time", {"BackupRetentionPeriod": Unresolved("a parameter with no default")}),
)
