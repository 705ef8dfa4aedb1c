"""SQS queue is encrypted at rest."""

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
    title="SQS queue is encrypted at rest",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::SQS::Queue",
    description="Encryption at rest (a KMS key at least AWS-managed) protects data in storage, snapshots and backups.",
    remediation=Remediation(
        console="SQS > QUEUE > Edit > Encryption: SSE-SQS or SSE-KMS.",
        cli="aws sqs set-queue-attributes --queue-url URL --attributes SqsManagedSseEnabled=true",
        cloudformation="SqsManagedSseEnabled: true (or KmsMasterKeyId)",
        terraform="sqs_managed_sse_enabled = true",
    ),
    checkov=("CKV_AWS_27",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless encryption is on."""
    if is_set(view, "KmsMasterKeyId") or view.get("SqsManagedSseEnabled") in (True, "true"):
        return passed("encrypted at rest")
    return failed(f"SQS queue {view.id} is not encrypted at rest")


EXAMPLES = (
    Example(
        "encrypted", example_resource("AWS::SQS::Queue", {"SqsManagedSseEnabled": True}), FindingStatus.PASS
    ),
    Example(
        "plain", example_resource("AWS::SQS::Queue", {"SqsManagedSseEnabled": False}), FindingStatus.FAIL
    ),
    Example(
        "declared-key",
        example_resource(
            "AWS::SQS::Queue",
            {"KmsMasterKeyId": Unresolved("aws_kms_key.queues.arn is known only after apply")},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "key-from-a-parameter",
        example_resource(
            "AWS::SQS::Queue",
            {"KmsMasterKeyId": Unresolved("parameter KeyArn has no default and no value was given")},
        ),
        FindingStatus.UNKNOWN,
    ),
)
