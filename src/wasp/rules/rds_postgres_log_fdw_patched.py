"""RDS PostgreSQL instances run a version fixed for the log_fdw local file read (AWS-2022-004)."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import log_fdw_evaluate, log_fdw_examples

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


evaluate = log_fdw_evaluate("database")

EXAMPLES = log_fdw_examples("AWS::RDS::DBInstance")
