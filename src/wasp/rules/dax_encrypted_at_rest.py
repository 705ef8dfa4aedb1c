"""DAX clusters are encrypted at rest."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="DAX clusters are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::DAX::Cluster",
    description="DAX caches DynamoDB items in memory and on disk; without server-side encryption the cached data, logs and snapshots are stored in the clear (it cannot be turned on after creation).",
    remediation=Remediation(
        console="DAX > Create cluster > Encryption: enable encryption at rest (recreate an existing cluster).",
        cli="aws dax create-cluster --cluster-name NAME --sse-specification Enabled=true ...",
        cloudformation="SSESpecification: {SSEEnabled: true}",
        terraform="server_side_encryption { enabled = true }",
    ),
    checkov=("CKV_AWS_47",),
)

evaluate = expect(
    "SSESpecification.SSEEnabled",
    is_true,
    ok="encrypted at rest",
    bad="DAX cluster {name} is not encrypted at rest",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::DAX::Cluster",
        passing=[("on", {"SSESpecification": {"SSEEnabled": True}})],
        failing=[
            ("absent", {"ReplicationFactor": 3}),
            ("off", {"SSESpecification": {"SSEEnabled": "false"}}),
        ],
    ),
    unknown_example("AWS::DAX::Cluster", "SSESpecification.SSEEnabled"),
)
