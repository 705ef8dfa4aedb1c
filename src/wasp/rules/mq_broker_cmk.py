"""Amazon MQ brokers are encrypted with a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="Amazon MQ brokers are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::AmazonMQ::Broker",
    related_types=("AWS::KMS::Key",),
    description=f"{KMS_WHY} The broker's key is set at creation; the live collector does not read it, so a "
    "review of accounts answers unknown.",
    remediation=Remediation(
        console="Amazon MQ > Create broker > Additional settings > Encryption: a customer-managed key (set at "
        "creation: recreate the broker).",
        cli="aws mq create-broker --broker-name NEW --encryption-options UseAwsOwnedKey=false,KmsKeyId=KEY_ARN ...",
        cloudformation="EncryptionOptions: {UseAwsOwnedKey: false, KmsKeyId: !Ref Key}",
        terraform="encryption_options { use_aws_owned_key = false  kms_key_id = aws_kms_key.this.arn }",
    ),
    checkov=("CKV_AWS_209",),
)

evaluate = cmk_everywhere("EncryptionOptions.KmsKeyId", what="MQ broker", needs=("EncryptionOptions",))

EXAMPLES = cmk_examples(
    "AWS::AmazonMQ::Broker",
    "EncryptionOptions.KmsKeyId",
    base={"EncryptionOptions": {"UseAwsOwnedKey": False}},
    bad=[("aws-managed", None), ("aws-managed-alias", "alias/aws/mq")],
)
