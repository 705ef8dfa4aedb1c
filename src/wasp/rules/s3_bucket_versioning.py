"""S3 buckets keep object versions."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="S3 buckets have versioning enabled",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::S3::Bucket",
    description="Versioning keeps every version of every object, so an overwrite or delete (accidental, or ransomware) can be undone.",
    remediation=Remediation(
        console="S3 > BUCKET > Properties > Bucket Versioning > Edit > Enable.",
        cli="aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled",
        cloudformation="VersioningConfiguration: {Status: Enabled}",
        terraform='resource "aws_s3_bucket_versioning" "this" { bucket = aws_s3_bucket.this.id  versioning_configuration { status = "Enabled" } }',
    ),
    checkov=("CKV_AWS_21",),
)

evaluate = expect(
    "VersioningConfiguration.Status",
    one_of("Enabled"),
    ok="versioning enabled",
    bad="bucket {name} versioning is {value}",
    default="Disabled",
)

EXAMPLES = (
    *examples(
        "AWS::S3::Bucket",
        passing=[("on", {"VersioningConfiguration": {"Status": "Enabled"}})],
        failing=[
            ("absent", {"BucketName": "data"}),
            ("suspended", {"VersioningConfiguration": {"Status": "Suspended"}}),
        ],
    ),
    unknown_example("AWS::S3::Bucket", "VersioningConfiguration.Status"),
)
