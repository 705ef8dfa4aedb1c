"""Firehose delivery streams encrypt data at rest."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Firehose delivery streams are encrypted at rest",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::KinesisFirehose::DeliveryStream",
    description="Server-side encryption keeps records encrypted while Firehose buffers them. A stream whose source is a Kinesis data stream is encrypted by that stream and is judged there.",
    remediation=Remediation(
        console="Amazon Data Firehose > STREAM > Configuration > Server-side encryption > Edit > Enable.",
        cli="aws firehose start-delivery-stream-encryption --delivery-stream-name STREAM --delivery-stream-encryption-configuration-input KeyType=AWS_OWNED_CMK",
        cloudformation="DeliveryStreamEncryptionConfigurationInput: {KeyType: AWS_OWNED_CMK}",
        terraform="server_side_encryption { enabled = true }",
    ),
    checkov=("CKV_AWS_240",),
)


def _not_from_stream(view: ResourceView) -> bool:
    """A stream reading from Kinesis is encrypted by its source stream (kinesis_stream_encrypted decides it)."""
    return bool(view.get("DeliveryStreamType") != "KinesisStreamAsSource")


evaluate = expect_set(
    "DeliveryStreamEncryptionConfigurationInput.KeyType",
    ok="encrypted at rest ({value})",
    bad="delivery stream {name} is not encrypted at rest",
    applies=_not_from_stream,
)

EXAMPLES = (
    *examples(
        "AWS::KinesisFirehose::DeliveryStream",
        passing=[("aws-owned", {"DeliveryStreamEncryptionConfigurationInput": {"KeyType": "AWS_OWNED_CMK"}})],
        failing=[("absent", {"DeliveryStreamType": "DirectPut"})],
    ),
    unknown_example(
        "AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamEncryptionConfigurationInput.KeyType"
    ),
)
