"""S3 buckets block all public access."""

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

FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")

META = RuleMeta(
    title="S3 buckets block all public access",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP04", "SEC03-BP07"),
    resource_type="AWS::S3::Bucket",
    description="All four Block Public Access settings stop a policy or ACL mistake from publishing data.",
    public_exposure=True,
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Block public access > Edit > Block all public access.",
        cli="aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration "
        "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        cloudformation="PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, "
        "IgnorePublicAcls: true, RestrictPublicBuckets: true}",
        terraform='resource "aws_s3_bucket_public_access_block" "this" { bucket = aws_s3_bucket.this.id  '
        "block_public_acls = true  block_public_policy = true  ignore_public_acls = true  "
        "restrict_public_buckets = true }",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every flag must be true."""
    config = view.get("PublicAccessBlockConfiguration", {})
    off = [f for f in FLAGS if config.get(f) not in (True, "true")]
    if off:
        return failed(f"bucket {view.id} does not block public access: {', '.join(off)} off")
    return passed("all public access blocked")


EXAMPLES = (
    Example(
        "blocked",
        example_resource("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True)}),
        FindingStatus.PASS,
    ),
    Example("missing", example_resource("AWS::S3::Bucket", {}), FindingStatus.FAIL),
    Example(
        "partial",
        example_resource("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": True}}),
        FindingStatus.FAIL,
    ),
)
