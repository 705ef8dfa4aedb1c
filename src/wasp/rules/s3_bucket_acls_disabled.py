"""S3 buckets disable ACLs (Object Ownership: bucket owner enforced)."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="S3 buckets have ACLs disabled",
    severity=Severity.LOW,
    best_practices=("SEC03-BP07",),
    resource_type="AWS::S3::Bucket",
    description="With Object Ownership BucketOwnerEnforced, ACLs no longer grant anything and the bucket policy alone decides access; other settings let objects carry ACLs of their own. New buckets default to it since April 2023.",
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Object Ownership > Edit > ACLs disabled (recommended).",
        cli="aws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]",
        cloudformation="OwnershipControls: {Rules: [{ObjectOwnership: BucketOwnerEnforced}]}",
        terraform='resource "aws_s3_bucket_ownership_controls" "this" { bucket = aws_s3_bucket.this.id  rule { object_ownership = "BucketOwnerEnforced" } }',
    ),
    checkov=("CKV2_AWS_65",),
)

evaluate = expect(
    "OwnershipControls.Rules.0.ObjectOwnership",
    one_of("BucketOwnerEnforced"),
    ok="ACLs disabled",
    bad="bucket {name} has ACLs enabled (Object Ownership {value})",
    default="BucketOwnerEnforced",
)

EXAMPLES = (
    *examples(
        "AWS::S3::Bucket",
        passing=[
            ("default", {"BucketName": "data"}),
            ("enforced", {"OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}}),
        ],
        failing=[
            ("preferred", {"OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerPreferred"}]}})
        ],
    ),
    unknown_example("AWS::S3::Bucket", "OwnershipControls.Rules.0.ObjectOwnership"),
)
