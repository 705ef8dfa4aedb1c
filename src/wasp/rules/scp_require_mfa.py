"""An attached SCP requires MFA for sensitive actions."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict
from wasp.rules._scp import RELATED, condition_keys, evaluate_guardrail, scp_examples

META = RuleMeta(
    title="SCP requires MFA for sensitive actions",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP05", "SEC02-BP01"),
    resource_type=ACCOUNT_TYPE,
    related_types=RELATED,
    description="Denying sensitive actions (deleting data, changing IAM or keys) unless aws:MultiFactorAuthPresent "
    "makes a stolen password or session cookie far less useful.",
    remediation=Remediation(
        console="Organizations > SCPs > Create: Deny the sensitive actions with Condition BoolIfExists "
        "aws:MultiFactorAuthPresent false.",
        cli="wasp guardrails scp   # includes require-mfa",
        cloudformation="AWS::Organizations::Policy {Effect: Deny, Action: [...], Resource: '*', Condition: "
        "{BoolIfExists: {aws:MultiFactorAuthPresent: 'false'}}}",
        terraform="aws_organizations_policy with the same statement",
    ),
    iac=False,
)


def recognise(sts: list[dict[str, Any]]) -> list[str]:
    """A Deny conditioned on aws:MultiFactorAuthPresent."""
    for st in sts:
        if st.get("Effect") == "Deny" and "aws:multifactorauthpresent" in condition_keys(st):
            return []
    return ["aws:MultiFactorAuthPresent deny"]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _scp.evaluate_guardrail."""
    return evaluate_guardrail(view, ctx, "require MFA for sensitive actions", recognise)


EXAMPLES = scp_examples(
    {
        "Statement": [
            {
                "Effect": "Deny",
                "Resource": "*",
                "Action": ["iam:*", "kms:ScheduleKeyDeletion"],
                "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}},
            }
        ]
    }
)
