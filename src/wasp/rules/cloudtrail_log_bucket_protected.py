"""The CloudTrail log bucket has Object Lock and blocks public access."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)
from wasp.rules._common import is_true

BUCKET = "AWS::S3::Bucket"
FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")

META = RuleMeta(
    title="CloudTrail log bucket is immutable and private",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP02",),
    resource_type="AWS::CloudTrail::Trail",
    related_types=(BUCKET,),
    description="Audit logs an intruder can delete or read prove nothing; Object Lock makes them write-once, and "
    "Block Public Access keeps them private. A bucket in another account (a log archive) is not judged here.",
    remediation=Remediation(
        console="Send the trail to a log-archive bucket created with Object Lock (compliance mode, retention per "
        "policy) and Block Public Access on.",
        cli="aws s3api create-bucket --bucket LOGS --object-lock-enabled-for-bucket ... && aws s3api put-object-lock-configuration ...",
        cloudformation="AWS::S3::Bucket {ObjectLockEnabled: true, ObjectLockConfiguration: {...}, PublicAccessBlockConfiguration: {...}}",
        terraform="aws_s3_bucket { object_lock_enabled = true } + aws_s3_bucket_object_lock_configuration + public access block",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Not applicable when the bucket is not in the inventory (another account)."""
    name = view.get("S3BucketName")
    buckets = ctx.inventory.find(BUCKET, BucketName=name)
    if not buckets:
        return None
    bucket = view.neighbour(buckets[0])
    problems = []
    if bucket.get("ObjectLockEnabled") not in (True, "Enabled", "true"):
        problems.append("no Object Lock")
    block = bucket.get("PublicAccessBlockConfiguration") or {}
    if not isinstance(block, dict) or not all(is_true(block.get(f)) for f in FLAGS):
        problems.append("public access not fully blocked")
    view.note("log_bucket", name)
    if problems:
        return failed(f"log bucket {name} of trail {view.id}: {', '.join(problems)}")
    return passed(f"log bucket {name} is locked and private")


_GOOD = {
    "BucketName": "logs",
    "ObjectLockEnabled": True,
    "PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True),
}
EXAMPLES = (
    Example(
        "locked",
        example_resource("AWS::CloudTrail::Trail", {"S3BucketName": "logs"}),
        FindingStatus.PASS,
        (example_resource(BUCKET, _GOOD, "logs"),),
    ),
    Example(
        "mutable",
        example_resource("AWS::CloudTrail::Trail", {"S3BucketName": "logs"}),
        FindingStatus.FAIL,
        (example_resource(BUCKET, {**_GOOD, "ObjectLockEnabled": False}, "logs"),),
    ),
)
