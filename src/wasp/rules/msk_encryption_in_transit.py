"""MSK clusters encrypt client-broker and broker-broker traffic."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, is_false

META = RuleMeta(
    title="MSK clusters encrypt data in transit",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::MSK::Cluster",
    description="ClientBroker PLAINTEXT or TLS_PLAINTEXT lets clients produce and consume without TLS, and "
    "InCluster false sends replication between brokers in plaintext. (Data at rest is always encrypted.)",
    remediation=Remediation(
        console="Amazon MSK > Clusters > CLUSTER > Properties > Security settings > Edit > Encryption: TLS only.",
        cli="aws kafka update-security --cluster-arn ARN --current-version VERSION "
        "--encryption-info 'EncryptionInTransit={ClientBroker=TLS}'",
        cloudformation="EncryptionInfo: {EncryptionInTransit: {ClientBroker: TLS, InCluster: true}}",
        terraform='encryption_info { encryption_in_transit { client_broker = "TLS" in_cluster = true } }',
    ),
    checkov=("CKV_AWS_81",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail on plaintext allowed between clients and brokers or between brokers (defaults: TLS, true)."""
    name = view.resource.origin.address or view.id
    client = str(view.get("EncryptionInfo.EncryptionInTransit.ClientBroker", "TLS")).upper()
    if client != "TLS":
        return failed(f"MSK cluster {name} accepts plaintext clients (ClientBroker {client})")
    if is_false(view.get("EncryptionInfo.EncryptionInTransit.InCluster", True)):
        return failed(f"MSK cluster {name} replicates between brokers in plaintext (InCluster false)")
    return passed("TLS between clients and brokers and inside the cluster")


EXAMPLES = examples(
    "AWS::MSK::Cluster",
    passing=[("default", {"ClusterName": "events"})],
    failing=[
        ("mixed", {"EncryptionInfo": {"EncryptionInTransit": {"ClientBroker": "TLS_PLAINTEXT"}}}),
        ("in-cluster-off", {"EncryptionInfo": {"EncryptionInTransit": {"InCluster": False}}}),
    ],
)
