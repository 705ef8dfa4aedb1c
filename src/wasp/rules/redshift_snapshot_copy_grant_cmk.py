"""Redshift cross-Region snapshot copy grants use a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="Redshift snapshot copy grants use a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::Redshift::SnapshotCopyGrant",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Actions > Configure cross-region snapshot > Create grant with a customer-managed key.",
        cli="aws redshift create-snapshot-copy-grant --snapshot-copy-grant-name NAME --kms-key-id KEY_ARN --region DEST",
        cloudformation="CloudFormation has no resource for this; use the CLI or Terraform.",
        terraform="kms_key_id = aws_kms_key.copies.arn",
    ),
    checkov=("CKV_AWS_281",),
)

evaluate = cmk_everywhere("KmsKeyId", what="Redshift snapshot copy grant")

EXAMPLES = cmk_examples(
    "WASP::Redshift::SnapshotCopyGrant",
    "KmsKeyId",
    bad=[("default-key", None), ("aws-managed-alias", "alias/aws/redshift")],
)
