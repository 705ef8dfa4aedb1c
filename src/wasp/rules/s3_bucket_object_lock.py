"""S3 buckets have Object Lock enabled."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="S3 buckets have Object Lock enabled",
    severity=Severity.LOW,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::S3::Bucket",
    description="Object Lock (write once, read many) stops object versions being deleted or overwritten for a retention period, even by an administrator in compliance mode; it protects backups and logs from ransomware and cover-ups.",
    remediation=Remediation(
        console="S3 > BUCKET > Properties > Object Lock > Edit > Enable (needs versioning).",
        cli="aws s3api put-object-lock-configuration --bucket BUCKET --object-lock-configuration ObjectLockEnabled=Enabled",
        cloudformation="ObjectLockEnabled: true  (VersioningConfiguration: {Status: Enabled})",
        terraform="object_lock_enabled = true",
    ),
    checkov=("CKV_AWS_143",),
)

evaluate = expect(
    "ObjectLockEnabled",
    is_true,
    ok="Object Lock enabled",
    bad="bucket {name} does not have Object Lock enabled",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::S3::Bucket",
        passing=[("on", {"ObjectLockEnabled": True})],
        failing=[("absent", {"BucketName": "data"})],
    ),
    unknown_example("AWS::S3::Bucket", "ObjectLockEnabled"),
)
