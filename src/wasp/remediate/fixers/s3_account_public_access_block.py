"""Block all public access for the whole account (S3 Control)."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer

FLAGS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


class AccountPublicAccessBlock(Fixer):
    """s3control put_public_access_block for the account."""

    rule = "s3_account_public_access_block"
    collectors = ("s3",)
    title = "Block all public access at account level"
    permissions = ("s3:PutAccountPublicAccessBlock",)
    risk = "Every bucket in the account loses public access at once, including any meant to be public."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Nothing when already fully blocked."""
        current = resource.properties.get("PublicAccessBlock") or {}
        if isinstance(current, dict) and all(current.get(f) for f in FLAGS):
            return []
        return [
            Call(
                "s3control",
                "put_public_access_block",
                {"AccountId": resource.id, "PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True)},
            )
        ]


FIXER = AccountPublicAccessBlock()
