"""An attached SCP allows only approved regions (aws:RequestedRegion), global services exempt."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict
from wasp.rules._scp import RELATED, condition_keys, evaluate_guardrail, scp_examples

META = RuleMeta(
    title="SCP restricts the regions that may be used",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP05", "SEC01-BP06"),
    resource_type=ACCOUNT_TYPE,
    related_types=RELATED,
    description="Denying unapproved regions shrinks the surface to monitor and keeps data where UK "
    "residency commitments say it is.",
    remediation=Remediation(
        console="Organizations > SCPs > Create: Deny with NotAction for global services and Condition StringNotEquals "
        "aws:RequestedRegion [eu-west-2, ...]; attach to the root or workload OU.",
        cli="wasp guardrails scp --regions eu-west-2,eu-west-1   # writes and (with --apply) attaches it",
        cloudformation="AWS::Organizations::Policy with {Effect: Deny, NotAction: [iam:*, organizations:*, sts:*, ...], "
        "Resource: '*', Condition: {StringNotEquals: {aws:RequestedRegion: [eu-west-2]}}}",
        terraform="aws_organizations_policy with the same statement; aws_organizations_policy_attachment to the OU",
    ),
    iac=False,
)


def recognise(sts: list[dict[str, Any]]) -> list[str]:
    """A Deny conditioned on aws:RequestedRegion not being an approved one."""
    for st in sts:
        ops = condition_keys(st)
        if (
            st.get("Effect") == "Deny"
            and "aws:requestedregion" in ops
            and ops["aws:requestedregion"].startswith("StringNotEquals")
        ):
            return []
    return ["aws:RequestedRegion deny"]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _scp.evaluate_guardrail."""
    return evaluate_guardrail(view, ctx, "restrict regions", recognise)


EXAMPLES = scp_examples(
    {
        "Statement": [
            {
                "Effect": "Deny",
                "NotAction": ["iam:*", "sts:*"],
                "Resource": "*",
                "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-2"]}},
            }
        ]
    }
)
