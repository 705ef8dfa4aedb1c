"""Confidential and restricted S3 bucket data is encrypted with a customer-managed KMS key."""

from typing import Any

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._cmk import cmk_verdict
from wasp.rules._shape import entries, expect_type, is_text

META = RuleMeta(
    title="Confidential S3 bucket uses a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02", "SEC07-BP02"),
    resource_type="AWS::S3::Bucket",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed key puts a second, auditable permission (kms:Decrypt, under your key policy) "
    "between a reader and confidential or restricted data, and lets you revoke access by disabling the key.",
    remediation=Remediation(
        console="Re-encrypt with a customer-managed key whose policy names the workload's roles.",
        cli="aws kms create-key --description 'S3 bucket data' && (re-encrypt or recreate the store with it)",
        cloudformation="BucketEncryption with SSEAlgorithm aws:kms and KMSMasterKeyID: !Ref DataKey",
        terraform='apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" kms_master_key_id = aws_kms_key.data.arn }',
    ),
)


def key_of(view: ResourceView) -> Any:
    """The KMS key protecting the store."""
    for i, r in enumerate(entries(view, "BucketEncryption.ServerSideEncryptionConfiguration")):
        default = r.get("ServerSideEncryptionByDefault", {})
        where = f"BucketEncryption.ServerSideEncryptionConfiguration.{i}.ServerSideEncryptionByDefault"
        expect_type(where, default, lambda v: isinstance(v, dict), "a mapping with SSEAlgorithm")
        expect_type(f"{where}.SSEAlgorithm", default.get("SSEAlgorithm"), is_text, "a string (aws:kms)")
        return default.get("KMSMasterKeyID")
    return None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _cmk.cmk_verdict."""
    return cmk_verdict(view, ctx, key_of(view), "S3 bucket")


_TAG = [{"Key": "Sensitivity", "Value": "PII"}]  # a recognised key and spelling: restricted
EXAMPLES = (
    Example(
        "cmk",
        example_resource(
            "AWS::S3::Bucket",
            {
                **{
                    "BucketEncryption": {
                        "ServerSideEncryptionConfiguration": [
                            {
                                "ServerSideEncryptionByDefault": {
                                    "SSEAlgorithm": "aws:kms",
                                    "KMSMasterKeyID": "arn:aws:kms:eu-west-2:1:key/abc",
                                }
                            }
                        ]
                    }
                },
                "Tags": _TAG,
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "aws-key",
        example_resource(
            "AWS::S3::Bucket",
            {
                **{
                    "BucketEncryption": {
                        "ServerSideEncryptionConfiguration": [
                            {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
                        ]
                    }
                },
                "Tags": _TAG,
            },
        ),
        FindingStatus.FAIL,
    ),
)
