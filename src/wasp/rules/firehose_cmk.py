"""Firehose delivery streams use a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="Firehose delivery streams are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::KinesisFirehose::DeliveryStream",
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="Amazon Data Firehose > STREAM > Configuration > Server-side encryption > Edit > Use customer managed CMK.",
        cli="aws firehose start-delivery-stream-encryption --delivery-stream-name STREAM --delivery-stream-encryption-configuration-input KeyType=CUSTOMER_MANAGED_CMK,KeyARN=KEY_ARN",
        cloudformation="DeliveryStreamEncryptionConfigurationInput: {KeyType: CUSTOMER_MANAGED_CMK, KeyARN: !GetAtt Key.Arn}",
        terraform='server_side_encryption { enabled = true  key_type = "CUSTOMER_MANAGED_CMK"  key_arn = aws_kms_key.this.arn }',
    ),
    checkov=("CKV_AWS_241",),
)


def _not_from_stream(view: ResourceView) -> bool:
    """A stream reading from Kinesis is encrypted by its source stream (kinesis_stream_encrypted decides it)."""
    return bool(view.get("DeliveryStreamType") != "KinesisStreamAsSource")


evaluate = expect(
    "DeliveryStreamEncryptionConfigurationInput.KeyType",
    one_of("CUSTOMER_MANAGED_CMK"),
    ok="encrypted with a customer-managed key",
    bad="delivery stream {name} is not encrypted with a customer-managed KMS key",
    applies=_not_from_stream,
)

EXAMPLES = (
    *examples(
        "AWS::KinesisFirehose::DeliveryStream",
        passing=[
            (
                "cmk",
                {
                    "DeliveryStreamEncryptionConfigurationInput": {
                        "KeyType": "CUSTOMER_MANAGED_CMK",
                        "KeyARN": "arn:aws:kms:eu-west-2:111122223333:key/1",
                    }
                },
            )
        ],
        failing=[
            ("aws-owned", {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"}}),
            ("absent", {}),
        ],
    ),
    unknown_example(
        "AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamEncryptionConfigurationInput.KeyType"
    ),
)
