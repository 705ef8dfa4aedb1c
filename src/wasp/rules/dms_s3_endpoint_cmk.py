"""DMS endpoints that write to S3 use a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._data_checks import expect_key, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="DMS S3 endpoints encrypt with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::DMS::Endpoint",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="DMS > Endpoints > ENDPOINT > Modify > Endpoint settings: EncryptionMode SSE_KMS and ServerSideEncryptionKmsKeyId.",
        cli="aws dms modify-endpoint --endpoint-arn ARN --s3-settings EncryptionMode=SSE_KMS,ServerSideEncryptionKmsKeyId=KEY_ARN",
        cloudformation="S3Settings: {EncryptionMode: SSE_KMS, ServerSideEncryptionKmsKeyId: !GetAtt Key.Arn}",
        terraform='encryption_mode = "SSE_KMS"  server_side_encryption_kms_key_id = aws_kms_key.this.arn',
    ),
    checkov=("CKV_AWS_298",),
)


def _s3_target(view: ResourceView) -> bool:
    """Only endpoints whose engine is S3 write objects."""
    return str(view.get("EngineName", "")).lower() == "s3"


evaluate = expect_key(
    "S3Settings.ServerSideEncryptionKmsKeyId",
    ok="objects encrypted with a customer-managed key",
    bad="DMS endpoint {name} writes to S3 without a customer-managed KMS key",
    applies=_s3_target,
)

EXAMPLES = (
    *examples(
        "AWS::DMS::Endpoint",
        passing=[
            (
                "cmk",
                {
                    "EngineName": "s3",
                    "S3Settings": {
                        "EncryptionMode": "SSE_KMS",
                        "ServerSideEncryptionKmsKeyId": "arn:aws:kms:eu-west-2:1:key/1",
                    },
                },
            )
        ],
        failing=[("sse-s3", {"EngineName": "s3", "S3Settings": {"EncryptionMode": "SSE_S3"}})],
    ),
    unknown_example("AWS::DMS::Endpoint", "S3Settings.ServerSideEncryptionKmsKeyId", {"EngineName": "s3"}),
)
