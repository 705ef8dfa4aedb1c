"""DocumentDB clusters export their audit log to CloudWatch Logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import exports_include
from wasp.rules._expect import examples, expect

META = RuleMeta(
    title="DocumentDB clusters export audit logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::DocDB::DBCluster",
    description="The audit log (with audit_logs enabled in the cluster parameter group) records authentication, authorization and data-definition events; exported to CloudWatch Logs it is kept and alarmed on. (The profiler log is for performance and is not required.)",
    remediation=Remediation(
        console="Amazon DocumentDB > Clusters > CLUSTER > Modify > Log exports > Audit logs.",
        cli="aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --cloudwatch-logs-export-configuration EnableLogTypes=audit --apply-immediately",
        cloudformation="EnableCloudwatchLogsExports: [audit]",
        terraform='enabled_cloudwatch_logs_exports = ["audit"]',
    ),
    checkov=("CKV_AWS_85",),
)

evaluate = expect(
    "EnableCloudwatchLogsExports",
    exports_include("audit"),
    ok="audit log exported",
    bad="DocumentDB cluster {name} does not export its audit log",
)

EXAMPLES = examples(
    "AWS::DocDB::DBCluster",
    passing=[("audit", {"EnableCloudwatchLogsExports": ["audit", "profiler"]})],
    failing=[
        ("absent", {"DBClusterIdentifier": "docs"}),
        ("profiler-only", {"EnableCloudwatchLogsExports": ["profiler"]}),
    ],
)
