"""Aurora PostgreSQL and RDS PostgreSQL clusters log data-definition statements (or more) through their parameter group."""

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
from wasp.rules._db import group_parameters, statement_logging

GROUP = "AWS::RDS::DBClusterParameterGroup"

META = RuleMeta(
    title="RDS/Aurora PostgreSQL clusters log schema changes and other statements",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::RDS::DBCluster",
    description="PostgreSQL logs no statements by default (log_statement = none): who dropped a table or granted a "
    "role is not recorded. Set log_statement to ddl (or mod/all), or configure pgaudit.log, in a custom cluster "
    "parameter group, and export the postgresql log.",
    remediation=Remediation(
        console="RDS > Parameter groups > GROUP (aurora-postgresql family, cluster) > log_statement = ddl > attach to the cluster.",
        cli="aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name PG --parameters "
        "ParameterName=log_statement,ParameterValue=ddl,ApplyMethod=immediate",
        cloudformation="AWS::RDS::DBClusterParameterGroup {Parameters: {log_statement: ddl}}",
        terraform='aws_rds_cluster_parameter_group { parameter { name = "log_statement" value = "ddl" } }',
    ),
    checkov=("CKV2_AWS_27",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """PostgreSQL-family clusters; the cluster parameter group is found by name or Ref."""
    if str(view.get("Engine") or "").lower() not in ("postgres", "aurora-postgresql"):
        return None
    params = group_parameters(
        view,
        ctx,
        live_key="LogParameters",
        name_path="DBClusterParameterGroupName",
        group_type=GROUP,
        name_keys=("DBClusterParameterGroupName",),
    )
    name = view.resource.origin.address or view.id
    if params is None:
        return unknown(f"cluster {name} uses a parameter group that is not in the template")
    if statement_logging(params):
        return passed("statements logged by the parameter group")
    return failed(f"cluster {name} logs no statements (log_statement {params.get('log_statement', 'none')})")


EXAMPLES = (
    Example(
        "template-group",
        example_resource(
            "AWS::RDS::DBCluster", {"Engine": "aurora-postgresql", "DBClusterParameterGroupName": "Params"}
        ),
        FindingStatus.PASS,
        related=(example_resource(GROUP, {"Parameters": {"log_statement": "ddl"}}, "Params"),),
    ),
    Example(
        "live-pgaudit",
        example_resource(
            "AWS::RDS::DBCluster",
            {"Engine": "aurora-postgresql", SUPPLEMENTARY: {"LogParameters": {"pgaudit.log": "ddl,role"}}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "default-group",
        example_resource("AWS::RDS::DBCluster", {"Engine": "aurora-postgresql"}),
        FindingStatus.FAIL,
    ),
    Example(
        "none",
        example_resource(
            "AWS::RDS::DBCluster", {"Engine": "aurora-postgresql", "DBClusterParameterGroupName": "Params"}
        ),
        FindingStatus.FAIL,
        related=(example_resource(GROUP, {"Parameters": {"log_statement": "none"}}, "Params"),),
    ),
    Example(
        "group-elsewhere",
        example_resource(
            "AWS::RDS::DBCluster", {"Engine": "aurora-postgresql", "DBClusterParameterGroupName": "shared"}
        ),
        FindingStatus.UNKNOWN,
    ),
)
