"""RDS PostgreSQL instances run a version fixed for the log_fdw local file read (AWS-2022-004)."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed, unknown
from wasp.rules._db import log_fdw_vulnerable, unknowns
from wasp.rules._expect import examples

META = RuleMeta(
    title="RDS PostgreSQL runs a version fixed for the log_fdw file read",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::RDS::DBInstance",
    description="AWS security bulletin AWS-2022-004: on PostgreSQL before 13.3, 12.7, 11.12, 10.17 and 9.6.22 "
    "(Aurora PostgreSQL before 11.9 and 10.14) the log_fdw extension let a database user read local files, "
    "including credentials. Pin a fixed version (or leave the version to AWS).",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > DB engine version: a current minor version.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --engine-version 13.15 --apply-immediately",
        cloudformation="EngineVersion: '16.4' (or a fixed minor of the same major)",
        terraform='engine_version = "16.4"',
    ),
    checkov=("CKV_AWS_250", "CKV_AWS_388"),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """PostgreSQL-family instances only; a pinned vulnerable version fails."""
    engine = str(view.get("Engine") or "").lower()
    if engine not in ("postgres", "aurora-postgresql"):
        return None
    version = view.get("EngineVersion")
    if not version:
        return passed("no version pinned: AWS creates it on a current, fixed version")
    vulnerable = log_fdw_vulnerable(engine, str(version))
    if vulnerable is None:
        return unknown(f"engine version {version} is not a version wasp can compare")
    if vulnerable:
        return failed(
            f"database {view.resource.origin.address or view.id} runs {engine} {version}, open to AWS-2022-004"
        )
    return passed(f"{engine} {version} is fixed")


EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[
        ("fixed", {"Engine": "postgres", "EngineVersion": "13.3"}),
        ("current", {"Engine": "postgres", "EngineVersion": "16.4"}),
        ("aurora-fixed", {"Engine": "aurora-postgresql", "EngineVersion": "11.9"}),
    ],
    failing=[
        ("old-minor", {"Engine": "postgres", "EngineVersion": "12.6"}),
        ("old-9.6", {"Engine": "postgres", "EngineVersion": "9.6.21"}),
        ("aurora-old", {"Engine": "aurora-postgresql", "EngineVersion": "10.12"}),
    ],
) + unknowns(
    "AWS::RDS::DBInstance",
    ("deploy-time", {"Engine": "postgres", "EngineVersion": Unresolved("a parameter")}),
)
