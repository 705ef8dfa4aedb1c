"""S3 bucket policies deny requests that do not use TLS."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._common import bucket_key
from wasp.rules._policy import denies_insecure_transport

META = RuleMeta(
    title="S3 buckets deny requests without TLS (aws:SecureTransport)",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::S3::Bucket",
    related_types=("AWS::S3::BucketPolicy",),
    description="Without a Deny on aws:SecureTransport = false, clients may read and write over plain HTTP.",
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Bucket policy: add a Deny for all principals and s3:* when "
        "aws:SecureTransport is false.",
        cli="aws s3api put-bucket-policy --bucket BUCKET --policy file://deny-insecure-transport.json",
        cloudformation="AWS::S3::BucketPolicy with {Effect: Deny, Principal: '*', Action: 's3:*', Resource: "
        "[bucket, bucket/*], Condition: {Bool: {aws:SecureTransport: false}}}",
        terraform='aws_s3_bucket_policy with a statement: effect = "Deny", condition { test = "Bool" '
        'variable = "aws:SecureTransport" values = ["false"] }',
    ),
    checkov=("CKV_AWS_379",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Find the bucket's policy and look for the deny."""
    name = bucket_key(view)
    policies = ctx.inventory.find("AWS::S3::BucketPolicy", Bucket=name)
    view.note("bucket_policies", len(policies))
    if any(denies_insecure_transport(p.properties.get("PolicyDocument")) for p in policies):
        return passed("bucket policy denies non-TLS requests")
    if any(contains_unresolved(p.properties.get("PolicyDocument")) is not None for p in policies):
        return unknown(f"the policy of bucket {name} is known only at deploy time")
    if not policies:
        return failed(f"bucket {name} has no bucket policy, so plain-HTTP requests are not denied")
    return failed(f"bucket {name}'s policy does not deny aws:SecureTransport = false")


_DENY = {
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        }
    ]
}
_POLICY = example_resource("AWS::S3::BucketPolicy", {"Bucket": "data", "PolicyDocument": _DENY}, "data")
EXAMPLES = (
    Example(
        "deny",
        example_resource("AWS::S3::Bucket", {"BucketName": "data"}, "data"),
        FindingStatus.PASS,
        (_POLICY,),
    ),
    Example(
        "no-policy", example_resource("AWS::S3::Bucket", {"BucketName": "data"}, "data"), FindingStatus.FAIL
    ),
    Example(
        "policy-known-after-deploy",
        example_resource("AWS::S3::Bucket", {"BucketName": "data"}, "data"),
        FindingStatus.UNKNOWN,
        (
            example_resource(
                "AWS::S3::BucketPolicy", {"Bucket": "data", "PolicyDocument": Unresolved("later")}, "data"
            ),
        ),
    ),
)
