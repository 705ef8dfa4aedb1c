"""Glue security configurations encrypt S3 output, CloudWatch logs and job bookmarks."""

from collections.abc import Mapping
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
    failed,
    passed,
)
from wasp.rules._shape import expect_type, is_text, read

META = RuleMeta(
    title="Glue security configurations encrypt S3 data, logs and job bookmarks",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Glue::SecurityConfiguration",
    description="Jobs, crawlers and development endpoints that use the configuration write to S3, CloudWatch "
    "Logs and job bookmarks; each of the three must have an encryption mode other than DISABLED.",
    remediation=Remediation(
        console="Glue > Security configurations > Add: enable S3 encryption (SSE-KMS), CloudWatch logs "
        "encryption and job bookmark encryption, with a KMS key.",
        cli="aws glue create-security-configuration --name NAME --encryption-configuration file://enc.json",
        cloudformation="EncryptionConfiguration: {S3Encryptions: [{S3EncryptionMode: SSE-KMS, KmsKeyArn: KEY}], "
        "CloudWatchEncryption: {CloudWatchEncryptionMode: SSE-KMS, KmsKeyArn: KEY}, JobBookmarksEncryption: "
        "{JobBookmarksEncryptionMode: CSE-KMS, KmsKeyArn: KEY}}",
        terraform='encryption_configuration { s3_encryption { s3_encryption_mode = "SSE-KMS" ... } '
        'cloudwatch_encryption { cloudwatch_encryption_mode = "SSE-KMS" ... } job_bookmarks_encryption { '
        'job_bookmarks_encryption_mode = "CSE-KMS" ... } }',
    ),
    checkov=("CKV_AWS_99",),
)


def _mode(entry: Any, key: str) -> str:
    expect_type(key, entry, lambda v: isinstance(v, Mapping), f"a mapping with {key}")
    mode = expect_type(key, entry.get(key) if isinstance(entry, Mapping) else None, is_text, "a string")
    return str(mode or "DISABLED").upper()


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail every part (S3, CloudWatch, job bookmarks) left DISABLED."""
    off = []
    s3 = read(view, "EncryptionConfiguration.S3Encryptions") or []
    entries = s3 if isinstance(s3, list) else [s3]
    if not entries or any(_mode(e, "S3EncryptionMode") == "DISABLED" for e in entries):
        off.append("S3 data")
    if (
        _mode(view.get("EncryptionConfiguration.CloudWatchEncryption", {}), "CloudWatchEncryptionMode")
        == "DISABLED"
    ):
        off.append("CloudWatch logs")
    marks = view.get("EncryptionConfiguration.JobBookmarksEncryption", {})
    if _mode(marks, "JobBookmarksEncryptionMode") == "DISABLED":
        off.append("job bookmarks")
    view.note("unencrypted", off)
    if off:
        return failed(
            f"Glue security configuration {view.label('Name')} leaves unencrypted: {', '.join(off)}"
        )
    return passed("S3 data, CloudWatch logs and job bookmarks encrypted")


_KEY = "arn:aws:kms:eu-west-2:111122223333:key/1"
_ALL = {
    "S3Encryptions": [{"S3EncryptionMode": "SSE-KMS", "KmsKeyArn": _KEY}],
    "CloudWatchEncryption": {"CloudWatchEncryptionMode": "SSE-KMS", "KmsKeyArn": _KEY},
    "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "CSE-KMS", "KmsKeyArn": _KEY},
}
_T = "AWS::Glue::SecurityConfiguration"
EXAMPLES = (
    Example("all", example_resource(_T, {"EncryptionConfiguration": _ALL}), FindingStatus.PASS),
    Example(
        "bookmarks-off",
        example_resource(
            _T,
            {
                "EncryptionConfiguration": {
                    **_ALL,
                    "JobBookmarksEncryption": {"JobBookmarksEncryptionMode": "DISABLED"},
                }
            },
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "s3-only",
        example_resource(
            _T, {"EncryptionConfiguration": {"S3Encryptions": [{"S3EncryptionMode": "SSE-S3"}]}}
        ),
        FindingStatus.FAIL,
    ),
)
