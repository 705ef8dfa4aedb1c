"""Neptune clusters require IAM database authentication."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Neptune clusters have IAM database authentication",
    severity=Severity.MEDIUM,
    best_practices=("SEC02-BP02",),
    resource_type="AWS::Neptune::DBCluster",
    description="Without IAM authentication any client that reaches the endpoint can query the graph; with it every request is signed with the caller's temporary AWS credentials and allowed by IAM policy.",
    remediation=Remediation(
        console="Neptune > Databases > CLUSTER > Modify > Authentication > IAM DB authentication: enable.",
        cli="aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --enable-iam-database-authentication --apply-immediately",
        cloudformation="IamAuthEnabled: true",
        terraform="iam_database_authentication_enabled = true",
    ),
    checkov=("CKV_AWS_359",),
)

evaluate = expect(
    "IamAuthEnabled",
    is_true,
    ok="IAM authentication on",
    bad="Neptune cluster {name} does not require IAM authentication",
)

EXAMPLES = examples(
    "AWS::Neptune::DBCluster",
    passing=[("on", {"IamAuthEnabled": True})],
    failing=[("absent", {"DBClusterIdentifier": "graph"})],
)
