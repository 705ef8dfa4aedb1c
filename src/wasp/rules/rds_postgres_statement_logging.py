"""RDS PostgreSQL instances log data-definition statements (or more) through their parameter group."""

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
    unknown,
)
from wasp.rules._db import group_parameters, standalone, statement_logging

GROUP = "AWS::RDS::DBParameterGroup"

META = RuleMeta(
    title="RDS PostgreSQL logs schema changes and other statements",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::RDS::DBInstance",
    description="PostgreSQL logs no statements by default (log_statement = none): who dropped a table or granted a "
    "role is not recorded. Set log_statement to ddl (or mod/all), or configure pgaudit.log, in a custom "
    "parameter group, and export the postgresql log.",
    remediation=Remediation(
        console="RDS > Parameter groups > GROUP (postgres family) > log_statement = ddl > attach to the instance.",
        cli="aws rds modify-db-parameter-group --db-parameter-group-name PG --parameters "
        "ParameterName=log_statement,ParameterValue=ddl,ApplyMethod=immediate",
        cloudformation="AWS::RDS::DBParameterGroup {Parameters: {log_statement: ddl}}",
        terraform='aws_db_parameter_group { parameter { name = "log_statement" value = "ddl" } }',
    ),
    checkov=("CKV2_AWS_30",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """PostgreSQL instances outside a cluster; the group is found as rds_tls_enforced finds it."""
    if str(view.get("Engine") or "").lower() != "postgres" or not standalone(view):
        return None
    params = group_parameters(
        view,
        ctx,
        live_key="LogParameters",
        name_path="DBParameterGroupName",
        group_type=GROUP,
        name_keys=("DBParameterGroupName",),
    )
    name = view.resource.origin.address or view.id
    if params is None:
        return unknown(f"database {name} uses a parameter group that is not in the template")
    if statement_logging(params):
        return passed("statements logged by the parameter group")
    return failed(f"database {name} logs no statements (log_statement {params.get('log_statement', 'none')})")


EXAMPLES = (
    Example(
        "template-group",
        example_resource("AWS::RDS::DBInstance", {"Engine": "postgres", "DBParameterGroupName": "Params"}),
        FindingStatus.PASS,
        related=(example_resource(GROUP, {"Parameters": {"log_statement": "ddl"}}, "Params"),),
    ),
    Example(
        "live-pgaudit",
        example_resource(
            "AWS::RDS::DBInstance",
            {"Engine": "postgres", SUPPLEMENTARY: {"LogParameters": {"pgaudit.log": "ddl,role"}}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "default-group", example_resource("AWS::RDS::DBInstance", {"Engine": "postgres"}), FindingStatus.FAIL
    ),
    Example(
        "none",
        example_resource("AWS::RDS::DBInstance", {"Engine": "postgres", "DBParameterGroupName": "Params"}),
        FindingStatus.FAIL,
        related=(example_resource(GROUP, {"Parameters": {"log_statement": "none"}}, "Params"),),
    ),
    Example(
        "group-elsewhere",
        example_resource("AWS::RDS::DBInstance", {"Engine": "postgres", "DBParameterGroupName": "shared"}),
        FindingStatus.UNKNOWN,
    ),
)
