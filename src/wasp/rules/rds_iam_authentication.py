"""RDS MySQL, MariaDB and PostgreSQL instances accept IAM database authentication."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import engine_is, standalone, unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="RDS instances have IAM database authentication",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::RDS::DBInstance",
    description="IAM database authentication lets applications connect with 15-minute tokens from their role "
    "instead of long-lived database passwords, and access is granted and revoked in IAM.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Database authentication > Password and IAM database authentication.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --enable-iam-database-authentication "
        "--apply-immediately",
        cloudformation="EnableIAMDatabaseAuthentication: true",
        terraform="iam_database_authentication_enabled = true",
    ),
    checkov=("CKV_AWS_161",),
)

evaluate = expect(
    "EnableIAMDatabaseAuthentication",
    is_true,
    ok="IAM database authentication on",
    bad="database {name} accepts only passwords: IAM database authentication is off",
    applies=lambda v: standalone(v) and engine_is("mysql", "mariadb", "postgres")(v),
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("on", {"Engine": "postgres", "EnableIAMDatabaseAuthentication": True})],
    failing=[
        ("absent", {"Engine": "mysql"}),
        ("off", {"Engine": "mariadb", "EnableIAMDatabaseAuthentication": "false"}),
    ],
) + unknowns(
    "AWS::RDS::DBInstance",
    (
        "deploy-time",
        {"Engine": "postgres", "EnableIAMDatabaseAuthentication": Unresolved("a parameter with no default")},
    ),
)
