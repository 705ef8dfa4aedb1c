"""Neptune clusters export audit logs to CloudWatch Logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import exports_include
from wasp.rules._expect import examples, expect

META = RuleMeta(
    title="Neptune clusters export audit logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::Neptune::DBCluster",
    description="Neptune's audit log (with neptune_enable_audit_log = 1 in the cluster parameter group) records every query and who sent it; exported to CloudWatch Logs it is kept and alarmed on.",
    remediation=Remediation(
        console="Neptune > Databases > CLUSTER > Modify > Log exports > Audit log.",
        cli="aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --cloudwatch-logs-export-configuration EnableLogTypes=audit --apply-immediately",
        cloudformation="EnableCloudwatchLogsExports: [audit]",
        terraform='enable_cloudwatch_logs_exports = ["audit"]',
    ),
    checkov=("CKV_AWS_101",),
)

evaluate = expect(
    "EnableCloudwatchLogsExports",
    exports_include("audit"),
    ok="audit log exported",
    bad="Neptune cluster {name} does not export its audit log",
)

EXAMPLES = examples(
    "AWS::Neptune::DBCluster",
    passing=[("audit", {"EnableCloudwatchLogsExports": ["audit"]})],
    failing=[("absent", {"DBClusterIdentifier": "graph"})],
)
