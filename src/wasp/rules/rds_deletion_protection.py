"""RDS instances outside a cluster have deletion protection."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import standalone, unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="RDS instances have deletion protection",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::RDS::DBInstance",
    description="Deletion protection makes a database refuse deletion (by a person, a pipeline or an attacker) "
    "until the setting is turned off first, a deliberate and logged step. Aurora members are judged by their "
    "cluster.",
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Deletion protection > Enable.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --deletion-protection --apply-immediately",
        cloudformation="DeletionProtection: true",
        terraform="deletion_protection = true",
    ),
    checkov=("CKV_AWS_293",),
)

evaluate = expect(
    "DeletionProtection",
    is_true,
    ok="deletion protection on",
    bad="database {name} can be deleted in one call: deletion protection is off",
    applies=standalone,
)

EXAMPLES = examples(
    "AWS::RDS::DBInstance",
    passing=[("on", {"DeletionProtection": True})],
    failing=[("absent", {"Engine": "postgres"}), ("off", {"DeletionProtection": "false"})],
) + unknowns(
    "AWS::RDS::DBInstance", ("deploy-time", {"DeletionProtection": Unresolved("a parameter with no default")})
)
