"""Replicated RDS automated backups are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="Replicated RDS automated backups are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::RDS::AutomatedBackupsReplication",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="RDS > Automated backups > Replicated > Stop replication, then Replicate to another Region with a customer-managed key of that Region.",
        cli="aws rds start-db-instance-automated-backups-replication --source-db-instance-arn ARN --kms-key-id KEY_ARN --region DEST",
        cloudformation="AWS::RDS::DBInstance AutomaticBackupReplicationRegion: REGION  AutomaticBackupReplicationKmsKeyId: KEY_ARN",
        terraform="kms_key_id = aws_kms_key.replica.arn",
    ),
    checkov=("CKV_AWS_245",),
)

evaluate = cmk_everywhere("KmsKeyId", what="replicated RDS backups")

EXAMPLES = cmk_examples(
    "WASP::RDS::AutomatedBackupsReplication",
    "KmsKeyId",
    bad=[("default-key", None), ("aws-managed-alias", "alias/aws/rds")],
)
