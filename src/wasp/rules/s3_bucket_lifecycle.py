"""S3 buckets have a lifecycle configuration."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import Test, examples, expect
from wasp.rules._shape import is_number

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


def _enabled(rules: Any) -> bool:
    """Some rule is enabled."""
    return any(str(r.get("Status", "Enabled")) == "Enabled" for r in rules)


def _rules(rules: Any) -> bool:
    return isinstance(rules, list) and all(
        isinstance(r, dict)
        and isinstance(r.get("Status", "Enabled"), str)
        and all(
            r.get(k) is None or is_number(r[k])
            for k in ("ExpirationInDays", "NoncurrentVersionExpirationInDays")
        )
        for r in rules
    )


_has_enabled_rule = Test(_enabled, "a list of lifecycle rules (mappings with Status)", _rules)


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
