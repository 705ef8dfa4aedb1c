"""S3 buckets have a lifecycle configuration."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect

META = RuleMeta(
    title="S3 buckets have a lifecycle configuration",
    severity=Severity.LOW,
    best_practices=("SEC07-BP04",),
    resource_type="AWS::S3::Bucket",
    description="Lifecycle rules expire or archive data (and old versions) when it is no longer needed, so data is not kept, and exposed, longer than its retention period.",
    remediation=Remediation(
        console="S3 > BUCKET > Management > Lifecycle rules > Create lifecycle rule.",
        cli="aws s3api put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration file://lifecycle.json",
        cloudformation="LifecycleConfiguration: {Rules: [{Id: expire, Status: Enabled, ExpirationInDays: 365}]}",
        terraform='resource "aws_s3_bucket_lifecycle_configuration" "this" { bucket = aws_s3_bucket.this.id  rule { id = "expire"  status = "Enabled"  expiration { days = 365 } } }',
    ),
    checkov=("CKV2_AWS_61",),
)


def _has_enabled_rule(rules: Any) -> bool:
    """At least one lifecycle rule is enabled."""
    listed = rules if isinstance(rules, list) else [rules]
    return any(isinstance(r, dict) and str(r.get("Status", "Enabled")) == "Enabled" for r in listed)


evaluate = expect(
    "LifecycleConfiguration.Rules",
    _has_enabled_rule,
    ok="lifecycle rules configured",
    bad="bucket {name} has no enabled lifecycle rule",
    default=[],
)

EXAMPLES = (
    *examples(
        "AWS::S3::Bucket",
        passing=[
            (
                "expire",
                {
                    "LifecycleConfiguration": {
                        "Rules": [{"Id": "expire", "Status": "Enabled", "ExpirationInDays": 365}]
                    }
                },
            )
        ],
        failing=[
            ("absent", {"BucketName": "data"}),
            ("disabled", {"LifecycleConfiguration": {"Rules": [{"Id": "x", "Status": "Disabled"}]}}),
        ],
    ),
    unknown_example("AWS::S3::Bucket", "LifecycleConfiguration.Rules"),
)
