"""RDS/Aurora clusters have deletion protection."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="RDS/Aurora clusters have deletion protection",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::RDS::DBCluster",
    description="Deletion protection makes a cluster refuse deletion (by a person, a pipeline or an attacker) "
    "until the setting is turned off first, a deliberate and logged step.",
    remediation=Remediation(
        console="RDS > Databases > CLUSTER > Modify > Deletion protection > Enable.",
        cli="aws rds modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately",
        cloudformation="DeletionProtection: true",
        terraform="deletion_protection = true",
    ),
    checkov=("CKV_AWS_139",),
)

evaluate = expect(
    "DeletionProtection",
    is_true,
    ok="deletion protection on",
    bad="cluster {name} can be deleted in one call: deletion protection is off",
)

EXAMPLES = examples(
    "AWS::RDS::DBCluster",
    passing=[("on", {"DeletionProtection": True})],
    failing=[("absent", {"Engine": "aurora-mysql"})],
) + unknowns(
    "AWS::RDS::DBCluster", ("deploy-time", {"DeletionProtection": Unresolved("a parameter with no default")})
)
