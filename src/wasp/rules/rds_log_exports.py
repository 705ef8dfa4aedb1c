"""RDS instances outside a cluster export their database logs to CloudWatch Logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import standalone
from wasp.rules._expect import examples, expect, listed

META = RuleMeta(
    title="RDS instances export their logs to CloudWatch Logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::RDS::DBInstance",
    description="Exported database logs (error, general, slow query, audit, postgresql) are kept, searchable and "
    "alarmed on in CloudWatch Logs rather than rotated away on the instance. Aurora members are judged by their "
    "cluster.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Log exports > select the engine's logs.",
        cli="aws rds modify-db-instance --db-instance-identifier DB "
        "--cloudwatch-logs-export-configuration EnableLogTypes=postgresql,upgrade --apply-immediately",
        cloudformation="EnableCloudwatchLogsExports: [postgresql, upgrade]",
        terraform='enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]',
    ),
    checkov=("CKV_AWS_129",),
)

evaluate = expect(
    "EnableCloudwatchLogsExports",
    listed,
    ok="logs exported: {value}",
    bad="database {name} exports no logs to CloudWatch Logs",
    applies=standalone,
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("exported", {"EnableCloudwatchLogsExports": ["error", "audit"]})],
    failing=[("absent", {"Engine": "mysql"}), ("empty", {"EnableCloudwatchLogsExports": []})],
)
