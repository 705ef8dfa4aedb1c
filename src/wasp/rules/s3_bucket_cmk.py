"""S3 buckets encrypt new objects with a customer-managed KMS key by default."""

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
    unknown,
)
from wasp.rules._cmk_store import CMK, RESTRICTED, cmk_everywhere, not_read_live, sensitive
from wasp.rules._data_checks import KMS_WHY
from wasp.rules._shape import text

META = RuleMeta(
    title="S3 buckets encrypt with a customer-managed KMS key by default",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::S3::Bucket",
    related_types=("AWS::KMS::Key",),
    description=f"{KMS_WHY} Buckets classified confidential or restricted are judged by "
    "s3_bucket_cmk_for_sensitive instead, at its higher severity.",
    remediation=Remediation(
        console="S3 > BUCKET > Properties > Default encryption > Edit: SSE-KMS with a customer-managed key.",
        cli="aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration "
        '\'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"KEY_ARN"},"BucketKeyEnabled":true}]}\'',
        cloudformation="BucketEncryption: {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: "
        "{SSEAlgorithm: aws:kms, KMSMasterKeyID: !Ref Key}, BucketKeyEnabled: true}]}",
        terraform='aws_s3_bucket_server_side_encryption_configuration { rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms"  kms_master_key_id = aws_kms_key.this.arn } } }',
    ),
    checkov=("CKV_AWS_145",),
)

_DEFAULT = "BucketEncryption.ServerSideEncryptionConfiguration.0.ServerSideEncryptionByDefault"
_KMS = ("aws:kms", "aws:kms:dsse")
_keyed = cmk_everywhere(f"{_DEFAULT}.KMSMasterKeyID", what="S3 bucket")


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """SSE-KMS (or DSSE-KMS) by default with a customer-managed key; sensitive buckets are left to
    s3_bucket_cmk_for_sensitive."""
    if not_read_live(view, ("BucketEncryption",)) is not None:
        return unknown(f"the default encryption of bucket {view.id} is not read live")
    if sensitive(view, ctx):
        return None  # decided by s3_bucket_cmk_for_sensitive
    algorithm = text(view, f"{_DEFAULT}.SSEAlgorithm")
    if algorithm not in _KMS:
        name = view.resource.origin.address or view.id
        return failed(
            f"S3 bucket {name} encrypts by default with S3-managed keys, not a customer-managed KMS key"
        )
    return _keyed(view, ctx)


def _bucket(algorithm: object, key: object = None, tags: object = None) -> dict[str, object]:
    default: dict[str, object] = {"SSEAlgorithm": algorithm}
    if key is not None:
        default["KMSMasterKeyID"] = key
    props: dict[str, object] = {
        "BucketEncryption": {
            "ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": default}]
        }
    }
    if tags is not None:
        props["Tags"] = tags
    return props


EXAMPLES = (
    Example("cmk", example_resource("AWS::S3::Bucket", _bucket("aws:kms", CMK)), FindingStatus.PASS),
    Example(
        "dsse-cmk", example_resource("AWS::S3::Bucket", _bucket("aws:kms:dsse", CMK)), FindingStatus.PASS
    ),
    Example("sse-s3", example_resource("AWS::S3::Bucket", _bucket("AES256")), FindingStatus.FAIL),
    Example("aws-managed", example_resource("AWS::S3::Bucket", _bucket("aws:kms")), FindingStatus.FAIL),
    Example(
        "aws-managed-alias",
        example_resource("AWS::S3::Bucket", _bucket("aws:kms", "alias/aws/s3")),
        FindingStatus.FAIL,
    ),
    Example(
        "internal-sse-s3",
        example_resource(
            "AWS::S3::Bucket", _bucket("AES256", tags=[{"Key": "data-classification", "Value": "internal"}])
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "not-read-live", example_resource("AWS::S3::Bucket", {"Tags": RESTRICTED}), FindingStatus.UNKNOWN
    ),
)
