"""OpenSearch domains are encrypted at rest with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY
from wasp.rules._shape import flag

META = RuleMeta(
    title="OpenSearch domains are encrypted at rest with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::OpenSearchService::Domain",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Create a domain encrypted at rest with a customer-managed key and restore a snapshot into it (the key is set at creation).",
        cli="aws opensearch create-domain --domain-name NEW --encryption-at-rest-options Enabled=true,KmsKeyId=KEY_ARN ...",
        cloudformation="EncryptionAtRestOptions: {Enabled: true, KmsKeyId: !Ref Key}",
        terraform="encrypt_at_rest { enabled = true  kms_key_id = aws_kms_key.this.arn }",
    ),
    checkov=("CKV_AWS_247",),
)


def _encrypted(view: ResourceView) -> bool:
    """Only a domain encrypted at rest has a key to judge (one that is not fails opensearch_encrypted_at_rest)."""
    return bool(flag(view, "EncryptionAtRestOptions.Enabled", False))


evaluate = cmk_everywhere(
    "EncryptionAtRestOptions.KmsKeyId",
    what="OpenSearch domain",
    applies=_encrypted,
    needs=("EncryptionAtRestOptions",),
)

EXAMPLES = (
    *cmk_examples(
        "AWS::OpenSearchService::Domain",
        "EncryptionAtRestOptions.KmsKeyId",
        base={"EncryptionAtRestOptions": {"Enabled": True}},
        bad=[("default-key", None), ("aws-managed-alias", "alias/aws/es")],
    ),
)
