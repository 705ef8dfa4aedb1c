"""SQS queues are encrypted with a customer-managed KMS key."""

from wasp.model import FindingStatus, Severity
from wasp.model.rule import Example, Remediation, RuleMeta, example_resource
from wasp.rules._cmk_store import cmk_everywhere, cmk_examples
from wasp.rules._data_checks import KMS_WHY

META = RuleMeta(
    title="SQS queues are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::SQS::Queue",
    related_types=("AWS::KMS::Key",),
    description=f"{KMS_WHY} Queues classified confidential or restricted are judged by "
    "sqs_queue_cmk_for_sensitive instead, at its higher severity.",
    remediation=Remediation(
        console="SQS > QUEUE > Edit > Encryption: SSE-KMS with a customer-managed key.",
        cli="aws sqs set-queue-attributes --queue-url URL --attributes KmsMasterKeyId=KEY_ARN",
        cloudformation="KmsMasterKeyId: !Ref Key",
        terraform="kms_master_key_id = aws_kms_key.this.arn",
    ),
    checkov=("CKV2_AWS_73",),
)

evaluate = cmk_everywhere("KmsMasterKeyId", what="SQS queue", sensitive_rule="sqs_queue_cmk_for_sensitive")

EXAMPLES = (
    *cmk_examples(
        "AWS::SQS::Queue", "KmsMasterKeyId", bad=[("no-key", None), ("aws-managed-alias", "alias/aws/sqs")]
    ),
    Example(
        "sqs-managed-sse",
        example_resource("AWS::SQS::Queue", {"KmsMasterKeyId": None, "SqsManagedSseEnabled": True}),
        FindingStatus.FAIL,
    ),
)
