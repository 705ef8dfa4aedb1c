"""DAX cluster endpoints require TLS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="DAX cluster endpoints use TLS",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::DAX::Cluster",
    description="With endpoint encryption NONE, clients talk to the cache in plain text inside the VPC; TLS can only be chosen when the cluster is created.",
    remediation=Remediation(
        console="DAX > Create cluster > Encryption: enable encryption in transit (recreate an existing cluster).",
        cli="aws dax create-cluster --cluster-name NAME --cluster-endpoint-encryption-type TLS ...",
        cloudformation="ClusterEndpointEncryptionType: TLS",
        terraform='cluster_endpoint_encryption_type = "TLS"',
    ),
    checkov=("CKV_AWS_239",),
)

evaluate = expect(
    "ClusterEndpointEncryptionType",
    one_of("TLS"),
    ok="endpoint requires TLS",
    bad="DAX cluster {name} accepts unencrypted connections (endpoint encryption {value})",
    default="NONE",
)

EXAMPLES = (
    *examples(
        "AWS::DAX::Cluster",
        passing=[("tls", {"ClusterEndpointEncryptionType": "TLS"})],
        failing=[("absent", {}), ("none", {"ClusterEndpointEncryptionType": "NONE"})],
    ),
    unknown_example("AWS::DAX::Cluster", "ClusterEndpointEncryptionType"),
)
