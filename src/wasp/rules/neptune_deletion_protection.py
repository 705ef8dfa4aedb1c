"""Neptune clusters have deletion protection."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Neptune clusters have deletion protection",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::Neptune::DBCluster",
    description="Deletion protection makes a cluster refuse deletion until the setting is turned off first, a deliberate and logged step.",
    remediation=Remediation(
        console="Neptune > Databases > CLUSTER > Modify > Deletion protection: enable.",
        cli="aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection --apply-immediately",
        cloudformation="DeletionProtection: true",
        terraform="deletion_protection = true",
    ),
    checkov=("CKV2_AWS_58",),
)

evaluate = expect(
    "DeletionProtection",
    is_true,
    ok="deletion protection on",
    bad="Neptune cluster {name} can be deleted in one call: deletion protection is off",
)

EXAMPLES = examples(
    "AWS::Neptune::DBCluster",
    passing=[("on", {"DeletionProtection": True})],
    failing=[("absent", {"DBClusterIdentifier": "graph"})],
)
