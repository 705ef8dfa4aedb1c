"""Aurora and Multi-AZ DB clusters accept IAM database authentication."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import engine_is
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="RDS/Aurora clusters have IAM database authentication",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::RDS::DBCluster",
    description="IAM database authentication lets applications connect with 15-minute tokens from their role "
    "instead of long-lived database passwords, and access is granted and revoked in IAM.",
    remediation=Remediation(
        console="RDS > Databases > CLUSTER > Modify > Database authentication > Password and IAM database "
        "authentication.",
        cli="aws rds modify-db-cluster --db-cluster-identifier CLUSTER --enable-iam-database-authentication "
        "--apply-immediately",
        cloudformation="EnableIAMDatabaseAuthentication: true",
        terraform="iam_database_authentication_enabled = true",
    ),
    checkov=("CKV_AWS_162",),
)

evaluate = expect(
    "EnableIAMDatabaseAuthentication",
    is_true,
    ok="IAM database authentication on",
    bad="cluster {name} accepts only passwords: IAM database authentication is off",
    applies=engine_is("mysql", "postgres"),
)

EXAMPLES = examples(
    "AWS::RDS::DBCluster",
    passing=[("on", {"Engine": "aurora-postgresql", "EnableIAMDatabaseAuthentication": True})],
    failing=[("absent", {"Engine": "aurora-mysql"})],
)
