"""An attached SCP denies unencrypted S3 uploads."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict
from wasp.rules._policy import denies
from wasp.rules._scp import RELATED, condition_keys, evaluate_guardrail, scp_examples

META = RuleMeta(
    title="SCP requires S3 encryption",
    severity=Severity.LOW,
    best_practices=("SEC03-BP05", "SEC08-BP03"),
    resource_type=ACCOUNT_TYPE,
    related_types=RELATED,
    description="Denying s3:PutObject without server-side encryption headers enforces encryption at rest "
    "across every account, whatever a bucket's own settings.",
    remediation=Remediation(
        console="Organizations > SCPs > Create: Deny s3:PutObject when s3:x-amz-server-side-encryption is null or not aws:kms/AES256.",
        cli="wasp guardrails scp   # includes require-s3-encryption",
        cloudformation="AWS::Organizations::Policy {Effect: Deny, Action: s3:PutObject, Resource: '*', Condition: "
        "{'Null': {s3:x-amz-server-side-encryption: 'true'}}}",
        terraform="aws_organizations_policy with the same statement",
    ),
    iac=False,
)


def recognise(sts: list[dict[str, Any]]) -> list[str]:
    """A Deny of s3:PutObject conditioned on the SSE header."""
    for st in sts:
        if denies([st], "s3:PutObject") and any(
            "x-amz-server-side-encryption" in k for k in condition_keys(st)
        ):
            return []
    return ["s3:PutObject deny on missing encryption"]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _scp.evaluate_guardrail."""
    return evaluate_guardrail(view, ctx, "require S3 encryption", recognise)


EXAMPLES = scp_examples(
    {
        "Statement": [
            {
                "Effect": "Deny",
                "Action": "s3:PutObject",
                "Resource": "*",
                "Condition": {"Null": {"s3:x-amz-server-side-encryption": "true"}},
            }
        ]
    }
)
