"""OpenSearch domains encrypt their data at rest."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="OpenSearch domains are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::OpenSearchService::Domain",
    description="Encryption at rest (KMS) covers the indices, automated snapshots, logs and swap files of the domain's nodes.",
    remediation=Remediation(
        console="Amazon OpenSearch Service > Domains > DOMAIN > Security configuration > Edit > Encryption of data at rest.",
        cli="aws opensearch update-domain-config --domain-name DOMAIN --encryption-at-rest-options Enabled=true",
        cloudformation="EncryptionAtRestOptions: {Enabled: true, KmsKeyId: !Ref Key}",
        terraform="encrypt_at_rest { enabled = true }",
    ),
    checkov=("CKV_AWS_5",),
)

evaluate = expect(
    "EncryptionAtRestOptions.Enabled",
    is_true,
    ok="encrypted at rest",
    bad="domain {name} is not encrypted at rest",
)

EXAMPLES = examples(
    "AWS::OpenSearchService::Domain",
    passing=[("on", {"EncryptionAtRestOptions": {"Enabled": True}})],
    failing=[("absent", {"DomainName": "logs"}), ("off", {"EncryptionAtRestOptions": {"Enabled": "false"}})],
) + unknowns(
    "AWS::OpenSearchService::Domain",
    ("deploy-time", {"EncryptionAtRestOptions": {"Enabled": Unresolved("a parameter with no default")}}),
)
