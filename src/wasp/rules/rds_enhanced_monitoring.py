"""RDS instances publish Enhanced Monitoring (operating-system) metrics."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import at_least, examples, expect

META = RuleMeta(
    title="RDS instances have Enhanced Monitoring",
    severity=Severity.LOW,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::RDS::DBInstance",
    description="Enhanced Monitoring sends the database host's process and operating-system metrics to CloudWatch "
    "Logs, the telemetry needed to notice and investigate unexpected activity on the instance.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Monitoring > Enable Enhanced Monitoring (granularity 60s).",
        cli="aws rds modify-db-instance --db-instance-identifier DB --monitoring-interval 60 "
        "--monitoring-role-arn ROLE_ARN --apply-immediately",
        cloudformation="MonitoringInterval: 60, MonitoringRoleArn: !GetAtt MonitoringRole.Arn",
        terraform="monitoring_interval = 60, monitoring_role_arn = aws_iam_role.rds_monitoring.arn",
    ),
    checkov=("CKV_AWS_118",),
)

evaluate = expect(
    "MonitoringInterval",
    at_least(1),
    ok="Enhanced Monitoring every {value}s",
    bad="database {name} has no Enhanced Monitoring (MonitoringInterval {value})",
    default=0,
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("every-minute", {"MonitoringInterval": 60})],
    failing=[("absent", {"Engine": "mysql"}), ("zero", {"MonitoringInterval": "0"})],
)
