"""RDS/Aurora clusters export their logs to CloudWatch Logs (MySQL-family clusters: the audit log)."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._db import engine_is, exports_include, unknowns
from wasp.rules._expect import examples, listed

META = RuleMeta(
    title="RDS/Aurora clusters export their logs to CloudWatch Logs",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::RDS::DBCluster",
    description="Exported logs are kept, searchable and alarmed on in CloudWatch Logs. A MySQL-family cluster must "
    "export its audit log (with server_audit_logging on in its parameter group): without it, who read or changed "
    "what is not recorded.",
    remediation=Remediation(
        console="RDS > Databases > CLUSTER > Modify > Log exports > select audit (MySQL) or postgresql.",
        cli="aws rds modify-db-cluster --db-cluster-identifier CLUSTER "
        "--cloudwatch-logs-export-configuration EnableLogTypes=audit,error --apply-immediately",
        cloudformation="EnableCloudwatchLogsExports: [audit, error]",
        terraform='enabled_cloudwatch_logs_exports = ["audit", "error"]',
    ),
    checkov=("CKV_AWS_324", "CKV_AWS_325"),
)

_MYSQL = engine_is("mysql")
_AUDIT = exports_include("audit")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when no log is exported, or a MySQL-family cluster does not export its audit log."""
    exports = view.get("EnableCloudwatchLogsExports")
    name = view.resource.origin.address or view.id
    if not listed(exports):
        return failed(f"cluster {name} exports no logs to CloudWatch Logs")
    if _MYSQL(view) and not _AUDIT(exports):
        return failed(f"MySQL-family cluster {name} does not export its audit log (exports {exports})")
    return passed(f"logs exported: {exports}")


EXAMPLES = examples(
    "AWS::RDS::DBCluster",
    passing=[
        ("mysql-audit", {"Engine": "aurora-mysql", "EnableCloudwatchLogsExports": ["audit", "error"]}),
        ("postgres", {"Engine": "aurora-postgresql", "EnableCloudwatchLogsExports": ["postgresql"]}),
    ],
    failing=[
        ("absent", {"Engine": "aurora-postgresql"}),
        ("mysql-no-audit", {"Engine": "aurora-mysql", "EnableCloudwatchLogsExports": ["slowquery"]}),
    ],
) + unknowns(
    "AWS::RDS::DBCluster",
    (
        "deploy-time",
        {"Engine": "aurora-mysql", "EnableCloudwatchLogsExports": Unresolved("a parameter with no default")},
    ),
)
