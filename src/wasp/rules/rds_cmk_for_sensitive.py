"""Confidential and restricted RDS instance data is encrypted with a customer-managed KMS key."""

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
from wasp.rules._shape import flag

META = RuleMeta(
    title="Confidential RDS instance uses a customer-managed KMS key",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02", "SEC07-BP02"),
    resource_type="AWS::RDS::DBInstance",
    related_types=("AWS::KMS::Key",),
    description="A customer-managed key puts a second, auditable permission (kms:Decrypt, under your key policy) "
    "between a reader and confidential or restricted data, and lets you revoke access by disabling the key.",
    remediation=Remediation(
        console="Re-encrypt with a customer-managed key whose policy names the workload's roles.",
        cli="aws kms create-key --description 'RDS instance data' && (re-encrypt or recreate the store with it)",
        cloudformation="KmsKeyId: !Ref DataKey",
        terraform="kms_key_id = aws_kms_key.data.arn",
    ),
)


def key_of(view: ResourceView) -> Any:
    """The KMS key protecting the store."""
    return view.get("KmsKeyId") if flag(view, "StorageEncrypted") else None


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _cmk.cmk_verdict."""
    return cmk_verdict(view, ctx, key_of(view), "RDS instance")


_TAG = [{"Key": "Sensitivity", "Value": "PII"}]  # a recognised key and spelling: restricted
EXAMPLES = (
    Example(
        "cmk",
        example_resource(
            "AWS::RDS::DBInstance",
            {**{"StorageEncrypted": True, "KmsKeyId": "arn:aws:kms:eu-west-2:1:key/abc"}, "Tags": _TAG},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "aws-key",
        example_resource(
            "AWS::RDS::DBInstance", {**{"StorageEncrypted": True, "KmsKeyId": "alias/aws/rds"}, "Tags": _TAG}
        ),
        FindingStatus.FAIL,
    ),
)
