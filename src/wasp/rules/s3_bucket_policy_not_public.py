"""S3 bucket policy grants no public or unknown cross-account access."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    example_resource,
)
from wasp.rules._common import bucket_key
from wasp.rules._exposure import ORG_ONLY, OTHER_ACCOUNT, PUBLIC, exposure_evaluate
from wasp.rules._s3_block import FLAGS, example_account, policy_neutralised

META = RuleMeta(
    title="S3 bucket policy is not public or shared with unknown accounts",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::S3::Bucket",
    related_types=("AWS::S3::BucketPolicy", ACCOUNT_TYPE),
    public_exposure=True,
    description="Any principal without a pinning condition (aws:PrincipalOrgID, aws:SourceVpce, aws:SourceAccount...) "
    "or a guarding Deny is public; an account outside the workload and its organisation is unknown cross-account "
    "access. A public policy neutralised by RestrictPublicBuckets (bucket or account level) is a low-severity latent "
    "finding; if that setting could not be read, the verdict is unknown.",
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Bucket policy: remove Principal '*' grants (or add an aws:PrincipalOrgID / aws:SourceVpce condition); keep Block Public Access on.",
        cli="aws s3api put-bucket-policy --bucket BUCKET --policy file://scoped-policy.json",
        cloudformation="AWS::S3::BucketPolicy with principals named, or a Condition on aws:PrincipalOrgID",
        terraform="aws_s3_bucket_policy with principals named, or a condition on aws:PrincipalOrgID",
    ),
    checkov=("CKV_AWS_70",),
)


def policy_of(view: ResourceView, ctx: RuleContext) -> Any:
    """The bucket's policy (a neighbour matched by bucket name)."""
    policies = ctx.inventory.find("AWS::S3::BucketPolicy", Bucket=bucket_key(view))
    return policies[0].properties.get("PolicyDocument") if policies else None


evaluate = exposure_evaluate(policy_of, "S3 bucket policy", policy_neutralised)


EXAMPLES = (
    Example(
        "org-only",
        example_resource("AWS::S3::Bucket", {"BucketName": "b"}, "b"),
        FindingStatus.PASS,
        (example_resource("AWS::S3::BucketPolicy", {"Bucket": "b", "PolicyDocument": ORG_ONLY}, "b"),),
    ),
    Example(
        "public",
        example_resource("AWS::S3::Bucket", {"BucketName": "b"}, "b"),
        FindingStatus.FAIL,
        (
            example_resource("AWS::S3::BucketPolicy", {"Bucket": "b", "PolicyDocument": PUBLIC}, "b"),
            example_account(None),
        ),
    ),
    Example(
        "public-account-block-unread",
        example_resource("AWS::S3::Bucket", {"BucketName": "b"}, "b"),
        FindingStatus.UNKNOWN,
        (
            example_resource("AWS::S3::BucketPolicy", {"Bucket": "b", "PolicyDocument": PUBLIC}, "b"),
            example_account(Unresolved("s3:GetAccountPublicAccessBlock denied")),
        ),
    ),
    Example(
        "public-but-account-restricted",
        example_resource("AWS::S3::Bucket", {"BucketName": "b"}, "b"),
        FindingStatus.FAIL,  # latent: low severity, not public
        (
            example_resource("AWS::S3::BucketPolicy", {"Bucket": "b", "PolicyDocument": PUBLIC}, "b"),
            example_account({"RestrictPublicBuckets": True}),
        ),
    ),
    Example(
        "public-but-restricted",
        example_resource(
            "AWS::S3::Bucket",
            {"BucketName": "b", "PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True)},
            "b",
        ),
        FindingStatus.FAIL,  # latent: low severity, not public
        (example_resource("AWS::S3::BucketPolicy", {"Bucket": "b", "PolicyDocument": PUBLIC}, "b"),),
    ),
    Example(
        "other-account",
        example_resource("AWS::S3::Bucket", {"BucketName": "b"}, "b"),
        FindingStatus.FAIL,
        (example_resource("AWS::S3::BucketPolicy", {"Bucket": "b", "PolicyDocument": OTHER_ACCOUNT}, "b"),),
    ),
)
