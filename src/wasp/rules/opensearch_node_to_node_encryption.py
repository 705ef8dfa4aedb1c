"""OpenSearch domains encrypt traffic between their nodes."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="OpenSearch domains encrypt node-to-node traffic",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::OpenSearchService::Domain",
    description="Node-to-node encryption puts TLS on the traffic between the domain's nodes inside the VPC, so data in flight is never plaintext on the network.",
    remediation=Remediation(
        console="Amazon OpenSearch Service > Domains > DOMAIN > Security configuration > Edit > Node-to-node encryption.",
        cli="aws opensearch update-domain-config --domain-name DOMAIN --node-to-node-encryption-options Enabled=true",
        cloudformation="NodeToNodeEncryptionOptions: {Enabled: true}",
        terraform="node_to_node_encryption { enabled = true }",
    ),
    checkov=("CKV_AWS_6",),
)

evaluate = expect(
    "NodeToNodeEncryptionOptions.Enabled",
    is_true,
    ok="node-to-node encryption on",
    bad="domain {name} sends plaintext between its nodes",
)

EXAMPLES = examples(
    "AWS::OpenSearchService::Domain",
    passing=[("on", {"NodeToNodeEncryptionOptions": {"Enabled": True}})],
    failing=[("absent", {"DomainName": "logs"})],
)
