"""Kinesis data streams are encrypted at rest."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="Kinesis data streams are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Kinesis::Stream",
    description="Server-side encryption with KMS keeps records encrypted in the stream's storage; without it they are stored in the clear.",
    remediation=Remediation(
        console="Kinesis > Data streams > STREAM > Configuration > Encryption > Edit > Enable server-side encryption.",
        cli="aws kinesis start-stream-encryption --stream-name STREAM --encryption-type KMS --key-id alias/aws/kinesis",
        cloudformation="StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}",
        terraform='encryption_type = "KMS"  kms_key_id = "alias/aws/kinesis"',
    ),
    checkov=("CKV_AWS_43",),
)

evaluate = expect(
    "StreamEncryption.EncryptionType",
    one_of("KMS"),
    ok="encrypted with KMS",
    bad="stream {name} is not encrypted at rest",
    default="NONE",
)

EXAMPLES = (
    *examples(
        "AWS::Kinesis::Stream",
        passing=[("kms", {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": "alias/aws/kinesis"}})],
        failing=[("absent", {"ShardCount": 1}), ("none", {"StreamEncryption": {"EncryptionType": "NONE"}})],
    ),
    unknown_example("AWS::Kinesis::Stream", "StreamEncryption.EncryptionType"),
)
