"""Map a boto3 operation to the IAM action that authorises it (most follow the name; S3 does not)."""

from __future__ import annotations

PREFIX = {
    "elbv2": "elasticloadbalancing",
    "efs": "elasticfilesystem",
    "sso-admin": "sso",
    "accessanalyzer": "access-analyzer",
    "s3control": "s3",
    "opensearch": "es",
}
"""boto3 service names whose IAM action prefix differs."""

IRREGULAR: dict[tuple[str, str], str] = {
    ("s3control", "get_public_access_block"): "s3:GetAccountPublicAccessBlock",
    ("s3", "list_buckets"): "s3:ListAllMyBuckets",
    ("s3", "get_bucket_encryption"): "s3:GetEncryptionConfiguration",
    ("s3", "get_public_access_block"): "s3:GetBucketPublicAccessBlock",
    ("s3", "get_object_lock_configuration"): "s3:GetBucketObjectLockConfiguration",
    ("s3", "get_bucket_tagging"): "s3:GetBucketTagging",
}
READ_ONLY_PREFIXES = ("List", "Describe", "Get", "Generate", "Lookup", "Search", "BatchGet", "Select", "GET")
"""Action verbs that read; Generate* here only builds a report (the IAM credential report); API Gateway's
read permission is the HTTP verb GET."""


def iam_action(service: str, operation: str) -> str:
    """``service:Action`` for a boto3 operation name (``list_keys`` -> ``kms:ListKeys``)."""
    irregular = IRREGULAR.get((service, operation))
    if irregular:
        return irregular
    if service == "apigateway":
        return (
            "apigateway:GET"
            if operation.startswith("get_")
            else f"apigateway:{operation.split('_')[0].upper()}"
        )
    return f"{PREFIX.get(service, service)}:" + "".join(part.capitalize() for part in operation.split("_"))
