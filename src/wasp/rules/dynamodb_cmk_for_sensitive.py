"""Confidential and restricted DynamoDB table data is encrypted with a customer-managed KMS key."""

from typing import Any

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
)
from wasp.rules._cmk import cmk_verdict

META = RuleMeta(
    title="Confidential DynamoDB table uses a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02", "SEC07-BP02"),
    resource_type="AWS::DynamoDB::Table",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed key puts a second, auditable permission (kms:Decrypt, under your key policy) "
    "between a reader and confidential or restricted data, and lets you revoke access by disabling the key.",
    remediation=Remediation(
        console="Re-encrypt with a customer-managed key whose policy names the workload's roles.",
        cli="aws kms create-key --description 'DynamoDB table data' && (re-encrypt or recreate the store with it)",
        cloudformation="SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref DataKey}",
        terraform="server_side_encryption { enabled = true kms_key_arn = aws_kms_key.data.arn }",
    ),
    checkov=("CKV_AWS_119",),
)


def key_of(view: ResourceView) -> Any:
    """The KMS key protecting the store."""
    return (
        view.get("SSESpecification.KMSMasterKeyId") if view.get("SSESpecification.SSEType") == "KMS" else None
    )


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _cmk.cmk_verdict."""
    return cmk_verdict(view, ctx, key_of(view), "DynamoDB table")


_TAG = [{"Key": "Sensitivity", "Value": "PII"}]  # a recognised key and spelling: restricted
EXAMPLES = (
    Example(
        "cmk",
        example_resource(
            "AWS::DynamoDB::Table",
            {
                **{
                    "SSESpecification": {
                        "SSEType": "KMS",
                        "KMSMasterKeyId": "arn:aws:kms:eu-west-2:1:key/abc",
                    }
                },
                "Tags": _TAG,
            },
        ),
        FindingStatus.PASS,
    ),
    Example(
        "aws-key",
        example_resource(
            "AWS::DynamoDB::Table", {**{"SSESpecification": {"SSEEnabled": False}}, "Tags": _TAG}
        ),
        FindingStatus.FAIL,
    ),
)
