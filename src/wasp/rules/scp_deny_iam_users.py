"""An attached SCP denies creating IAM users and console login profiles."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict
from wasp.rules._scp import RELATED, evaluate_guardrail, missing_actions, scp_examples

META = RuleMeta(
    title="SCP denies creating IAM users and console passwords",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP05", "SEC02-BP04"),
    resource_type=ACCOUNT_TYPE,
    related_types=RELATED,
    description="With the identity provider as the only way in, new IAM users and console passwords are a "
    "back door; deny them (exempting the break-glass role).",
    remediation=Remediation(
        console="Organizations > SCPs > Create: Deny iam:CreateUser and iam:CreateLoginProfile, with an "
        "ArnNotLike aws:PrincipalArn exemption for the break-glass role.",
        cli="wasp guardrails scp --break-glass-role BreakGlassRole",
        cloudformation="AWS::Organizations::Policy {Effect: Deny, Action: [iam:CreateUser, iam:CreateLoginProfile], Resource: '*'}",
        terraform="aws_organizations_policy with the same statement",
    ),
    iac=False,
)


def recognise(sts: list[dict[str, Any]]) -> list[str]:
    """Both actions must be denied."""
    return missing_actions(
        sts, {"CreateUser": ("iam:CreateUser",), "CreateLoginProfile": ("iam:CreateLoginProfile",)}
    )


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _scp.evaluate_guardrail."""
    return evaluate_guardrail(view, ctx, "deny IAM users with console access", recognise)


EXAMPLES = scp_examples(
    {
        "Statement": [
            {"Effect": "Deny", "Resource": "*", "Action": ["iam:CreateUser", "iam:CreateLoginProfile"]}
        ]
    }
)
