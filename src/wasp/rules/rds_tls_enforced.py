"""RDS databases refuse unencrypted connections."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)

META = RuleMeta(
    title="RDS enforces TLS for client connections",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::RDS::DBInstance",
    description="PostgreSQL and SQL Server need rds.force_ssl = 1, MySQL and MariaDB require_secure_transport = ON, in "
    "a custom parameter group; the default groups allow plaintext.",
    remediation=Remediation(
        console="RDS > Parameter groups > Create (family of the engine) > rds.force_ssl = 1 (or require_secure_transport "
        "= ON) > attach to the instance and reboot.",
        cli="aws rds modify-db-parameter-group --db-parameter-group-name PG --parameters "
        "ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=pending-reboot",
        cloudformation="AWS::RDS::DBParameterGroup {Parameters: {rds.force_ssl: 1}} and DBParameterGroupName on the instance",
        terraform='aws_db_parameter_group { parameter { name = "rds.force_ssl" value = "1" } }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Aurora members are judged by their cluster; engines without the parameter are skipped."""
    engine = str(view.get("Engine") or "")
    if view.get("DBClusterIdentifier") or not any(
        e in engine for e in ("postgres", "mysql", "mariadb", "sqlserver")
    ):
        return None
    params = view.get(f"{SUPPLEMENTARY}.TlsParameters") or {}
    if str(params.get("rds.force_ssl")) == "1" or str(params.get("require_secure_transport", "")).upper() in (
        "ON",
        "1",
    ):
        return passed("TLS enforced by the parameter group")
    return failed(
        f"database {view.id} ({engine}) accepts unencrypted connections (parameter group {view.get('DBParameterGroupName')})"
    )


EXAMPLES = (
    Example(
        "forced",
        example_resource(
            "AWS::RDS::DBInstance",
            {"Engine": "postgres", SUPPLEMENTARY: {"TlsParameters": {"rds.force_ssl": "1"}}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "default",
        example_resource(
            "AWS::RDS::DBInstance",
            {
                "Engine": "postgres",
                "DBParameterGroupName": "default.postgres16",
                SUPPLEMENTARY: {"TlsParameters": {}},
            },
        ),
        FindingStatus.FAIL,
    ),
)
