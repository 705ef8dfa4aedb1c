"""Amazon Connect stores recordings, transcripts and media streams under a customer-managed KMS key."""

from wasp.model import FindingStatus, Severity, Unresolved
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
from wasp.rules._iam_refs import is_set

META = RuleMeta(
    title="Amazon Connect S3 and Kinesis Video storage use a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP01", "SEC08-BP02"),
    resource_type="AWS::Connect::InstanceStorageConfig",
    description="Call recordings, chat transcripts and live media hold customers' personal data; the storage "
    "configuration's EncryptionConfig must use KMS with a key the account controls.",
    remediation=Remediation(
        console="Amazon Connect > INSTANCE > Data storage > Edit: Encryption: select a KMS key.",
        cli="aws connect update-instance-storage-config --instance-id ID --association-id ID --resource-type TYPE "
        "--storage-config file://storage.json",
        cloudformation="S3Config: {BucketName: B, EncryptionConfig: {EncryptionType: KMS, KeyId: !GetAtt Key.Arn}}",
        terraform='encryption_config { encryption_type = "KMS" key_id = aws_kms_key.connect.arn }',
    ),
    checkov=("CKV_AWS_269", "CKV_AWS_270"),
)

_PARTS = {"S3Config": "S3 storage", "KinesisVideoStreamConfig": "Kinesis Video streams"}


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail an S3 or Kinesis Video storage whose encryption is not KMS with a key; other storage types do not apply."""
    judged = []
    bare = []
    for part, what in _PARTS.items():
        if not view.peek(part):
            continue
        judged.append(what)
        kind = str(view.get(f"{part}.EncryptionConfig.EncryptionType", "")).upper()
        if kind != "KMS" or not is_set(view, f"{part}.EncryptionConfig.KeyId"):
            bare.append(what)
    if bare:
        return failed(
            f"Connect storage {view.id}: {', '.join(bare)} not encrypted with a customer-managed key"
        )
    if not judged:
        return None
    return passed(f"{', '.join(judged)} encrypted with a customer-managed key")


_T = "AWS::Connect::InstanceStorageConfig"
_KMS = {"EncryptionType": "KMS", "KeyId": "arn:aws:kms:eu-west-2:111122223333:key/1"}
EXAMPLES = (
    Example(
        "s3-kms",
        example_resource(_T, {"S3Config": {"BucketName": "calls", "EncryptionConfig": _KMS}}),
        FindingStatus.PASS,
    ),
    Example(
        "s3-declared-key",
        example_resource(
            _T,
            {
                "S3Config": {
                    "BucketName": "calls",
                    "EncryptionConfig": {
                        "EncryptionType": "KMS",
                        "KeyId": Unresolved("Fn::GetAtt CallsKey.Arn is known only after deployment"),
                    },
                }
            },
        ),
        FindingStatus.PASS,
    ),
    Example("s3-plain", example_resource(_T, {"S3Config": {"BucketName": "calls"}}), FindingStatus.FAIL),
    Example(
        "video-no-key",
        example_resource(
            _T,
            {"KinesisVideoStreamConfig": {"Prefix": "media", "EncryptionConfig": {"EncryptionType": "KMS"}}},
        ),
        FindingStatus.FAIL,
    ),
)
