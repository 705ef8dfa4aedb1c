"""Block all public access on a bucket."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer

FLAGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


class BucketPublicAccessBlock(Fixer):
    """put_public_access_block with all four flags."""

    rule = "s3_bucket_public_access_block"
    collectors = ("s3",)
    title = "Block all public access on the bucket"
    permissions = ("s3:PutBucketPublicAccessBlock",)
    risk = (
        "Anything that relies on public reads of this bucket (a static site, public downloads) stops working."
    )

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when all four flags are already on."""
        current = resource.properties.get("PublicAccessBlockConfiguration") or {}
        if isinstance(current, dict) and all(current.get(f) for f in FLAGS):
            return []
        return [
            Call(
                "s3",
                "put_public_access_block",
                {"Bucket": resource.id, "PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True)},
                resource.region,
            )
        ]


FIXER = BucketPublicAccessBlock()
