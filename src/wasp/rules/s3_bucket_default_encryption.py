"""S3 buckets declare default encryption."""

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
from wasp.rules._shape import expect_type, is_text

META = RuleMeta(
    title="S3 buckets declare default encryption",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::S3::Bucket",
    checkov=("CKV_AWS_19",),
    description="S3 has applied SSE-S3 to new objects since January 2023, but a declared default (SSE-KMS "
    "for confidential data) makes the control explicit, auditable and enforceable in IaC.",
    remediation=Remediation(
        console="S3 > BUCKET > Properties > Default encryption > Edit > SSE-KMS with a customer-managed key "
        "(or SSE-S3), Bucket Key on.",
        cli="aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration "
        '\'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY"},'
        '"BucketKeyEnabled":true}]}\'',
        cloudformation="BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: "
        "{SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref Key}, BucketKeyEnabled: true}]}",
        terraform='resource "aws_s3_bucket_server_side_encryption_configuration" "this" { bucket = '
        'aws_s3_bucket.this.id  rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } } }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Pass when a default-encryption rule names an algorithm (a key known only after deploy does not matter)."""
    rules = view.peek("BucketEncryption.ServerSideEncryptionConfiguration", [])
    if not isinstance(rules, list):
        rules = view.get("BucketEncryption.ServerSideEncryptionConfiguration")  # wholly unknown: raises
    algorithms = [
        expect_type(
            f"BucketEncryption.ServerSideEncryptionConfiguration.{i}.ServerSideEncryptionByDefault.SSEAlgorithm",
            (r.get("ServerSideEncryptionByDefault") or {}).get("SSEAlgorithm"),
            is_text,
            "a string (AES256, aws:kms or aws:kms:dsse)",
        )
        for i, r in enumerate(rules)
        if isinstance(r, dict)
    ]
    known = [a for a in algorithms if a and contains_unresolved(a) is None]
    if known:
        return passed(f"default encryption {known[0]}")
    if any(contains_unresolved(r) is not None for r in rules):
        return unknown(f"the default encryption of bucket {view.id} is known only at deploy time")
    return failed(f"bucket {view.id} declares no default encryption")


_LATER = Unresolved("known only after apply")


def _sse(default: dict[str, object]) -> dict[str, object]:
    return {
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": default}]
        }
    }


EXAMPLES = (
    Example(
        "kms",
        example_resource(
            "AWS::S3::Bucket",
            {
                "BucketEncryption": {
                    "ServerSideEncryptionConfiguration": [
                        {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}
                    ]
                }
            },
        ),
        FindingStatus.PASS,
    ),
    Example("none", example_resource("AWS::S3::Bucket", {"BucketName": "logs"}), FindingStatus.FAIL),
    Example(
        "key-known-after-deploy",
        example_resource("AWS::S3::Bucket", _sse({"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": _LATER})),
        FindingStatus.PASS,
    ),
    Example(
        "algorithm-known-after-deploy",
        example_resource("AWS::S3::Bucket", _sse({"SSEAlgorithm": _LATER})),
        FindingStatus.UNKNOWN,
    ),
)
