"""Set default encryption on a bucket (SSE-KMS with the workload's key, else SSE-S3)."""

from __future__ import annotations

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class BucketDefaultEncryption(Fixer):
    """put_bucket_encryption."""

    rule = "s3_bucket_default_encryption"
    collectors = ("s3",)
    title = "Set default encryption on the bucket"
    permissions = ("s3:PutEncryptionConfiguration",)
    risk = "With a KMS key, readers also need kms:Decrypt on it; existing objects keep their encryption."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """SSE-KMS with a bucket key when the workload names a key, else AES256."""
        rules = (resource.properties.get("BucketEncryption") or {}).get(
            "ServerSideEncryptionConfiguration"
        ) or []
        if any(
            (r.get("ServerSideEncryptionByDefault") or {}).get("SSEAlgorithm")
            for r in rules
            if isinstance(r, dict)
        ):
            return []
        default = (
            {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": ctx.kms_key}
            if ctx.kms_key
            else {"SSEAlgorithm": "AES256"}
        )
        return [
            Call(
                "s3",
                "put_bucket_encryption",
                {
                    "Bucket": resource.id,
                    "ServerSideEncryptionConfiguration": {
                        "Rules": [
                            {
                                "ApplyServerSideEncryptionByDefault": default,
                                "BucketKeyEnabled": bool(ctx.kms_key),
                            }
                        ]
                    },
                },
                resource.region,
            )
        ]


FIXER = BucketDefaultEncryption()
