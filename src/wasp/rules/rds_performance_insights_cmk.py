"""RDS Performance Insights data is encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY
from wasp.rules._shape import flag

META = RuleMeta(
    title="RDS Performance Insights data is encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::RDS::DBInstance",
    related_types=("AWS::KMS::Key",),
    description=KMS_WHY,
    remediation=Remediation(
        console="Performance Insights keeps the key it was first turned on with: turn it on with a customer-managed key on a new instance restored from a snapshot.",
        cli="aws rds restore-db-instance-from-db-snapshot --db-instance-identifier NEW --db-snapshot-identifier SNAP --enable-performance-insights --performance-insights-kms-key-id KEY_ARN",
        cloudformation="EnablePerformanceInsights: true  PerformanceInsightsKMSKeyId: !Ref Key",
        terraform="performance_insights_enabled = true  performance_insights_kms_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV_AWS_354",),
)


def _enabled(view: ResourceView) -> bool:
    """Only an instance with Performance Insights on has its data to protect."""
    return bool(flag(view, "EnablePerformanceInsights", False))


evaluate = cmk_everywhere(
    "PerformanceInsightsKMSKeyId",
    what="Performance Insights of the RDS instance",
    applies=_enabled,
    needs=("EnablePerformanceInsights",),
)

EXAMPLES = (
    *cmk_examples(
        "AWS::RDS::DBInstance",
        "PerformanceInsightsKMSKeyId",
        base={"EnablePerformanceInsights": True},
        bad=[("default-key", None), ("aws-managed-alias", "alias/aws/rds")],
    ),
)
