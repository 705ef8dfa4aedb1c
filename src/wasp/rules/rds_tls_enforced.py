"""RDS databases refuse unencrypted connections."""

from collections.abc import Mapping
from typing import Any

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
from wasp.rules._db import group_parameters
from wasp.rules._shape import text

GROUP = "AWS::RDS::DBParameterGroup"

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
    checkov=("CKV2_AWS_69",),
)


def _forced(params: Mapping[str, Any], engine: str, version: str) -> bool:
    """The parameters require TLS (PostgreSQL 15 and later default rds.force_ssl to 1)."""
    force = params.get("rds.force_ssl")
    if force is None and engine.startswith("postgres"):
        major = version.split(".")[0]
        return major.isdigit() and int(major) >= 15
    return str(force) == "1" or str(params.get("require_secure_transport", "")).upper() in ("ON", "1")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Aurora members are judged by their cluster; engines without the parameter are skipped.

    Live, the collector has read the group's TLS parameters; in a template the group is found by name or Ref.
    """
    engine = str(view.get("Engine") or "")
    if view.get("DBClusterIdentifier") or not any(
        e in engine for e in ("postgres", "mysql", "mariadb", "sqlserver")
    ):
        return None
    group_name = view.get("DBParameterGroupName")
    name = view.resource.origin.address or view.id
    params = group_parameters(
        view,
        ctx,
        live_key="TlsParameters",
        name_path="DBParameterGroupName",
        group_type=GROUP,
        name_keys=("DBParameterGroupName",),
    )
    if params is None:
        return unknown(
            f"database {name} uses parameter group {group_name}, which is not in the template: "
            "scan it with its parameter group to decide TLS"
        )
    if _forced(params, engine, text(view, "EngineVersion") or ""):
        return passed("TLS enforced by the parameter group")
    return failed(
        f"database {name} ({engine}) accepts unencrypted connections "
        f"(parameter group {group_name or 'default'})"
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
    Example(
        "template-group",
        example_resource("AWS::RDS::DBInstance", {"Engine": "mysql", "DBParameterGroupName": "Params"}),
        FindingStatus.PASS,
        related=(example_resource(GROUP, {"Parameters": {"require_secure_transport": "ON"}}, "Params"),),
    ),
    Example(
        "template-group-plaintext",
        example_resource("AWS::RDS::DBInstance", {"Engine": "mysql", "DBParameterGroupName": "Params"}),
        FindingStatus.FAIL,
        related=(example_resource(GROUP, {"Parameters": {"max_connections": "100"}}, "Params"),),
    ),
    Example(
        "postgres16-default",
        example_resource("AWS::RDS::DBInstance", {"Engine": "postgres", "EngineVersion": "16.3"}),
        FindingStatus.PASS,
    ),
    Example(
        "group-elsewhere",
        example_resource("AWS::RDS::DBInstance", {"Engine": "mysql", "DBParameterGroupName": "shared-pg"}),
        FindingStatus.UNKNOWN,
    ),
)
