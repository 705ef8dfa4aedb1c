"""S3 buckets log requests to another bucket."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="S3 buckets have server access logging",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::S3::Bucket",
    description="Server access logs record every request to the bucket (who, what, from where), including reads CloudTrail data events may not capture.",
    remediation=Remediation(
        console="S3 > BUCKET > Properties > Server access logging > Edit > Enable, target a log bucket.",
        cli='aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"LOGS","TargetPrefix":"BUCKET/"}}\'',
        cloudformation="LoggingConfiguration: {DestinationBucketName: !Ref LogBucket, LogFilePrefix: bucket/}",
        terraform='resource "aws_s3_bucket_logging" "this" { bucket = aws_s3_bucket.this.id  target_bucket = aws_s3_bucket.logs.id  target_prefix = "this/" }',
    ),
    checkov=("CKV_AWS_18",),
)

evaluate = expect_set(
    "LoggingConfiguration.DestinationBucketName",
    ok="access logs to {value}",
    bad="bucket {name} has no server access logging",
)

EXAMPLES = (
    *examples(
        "AWS::S3::Bucket",
        passing=[
            ("on", {"LoggingConfiguration": {"DestinationBucketName": "logs", "LogFilePrefix": "data/"}})
        ],
        failing=[("absent", {"BucketName": "data"})],
    ),
    unknown_example("AWS::S3::Bucket", "LoggingConfiguration.DestinationBucketName"),
)
