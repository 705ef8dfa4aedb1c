"""An attached SCP denies member accounts leaving the organisation."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict
from wasp.rules._policy import denies
from wasp.rules._scp import RELATED, evaluate_guardrail, scp_examples

META = RuleMeta(
    title="SCP denies leaving the organisation",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP05", "SEC01-BP06"),
    resource_type=ACCOUNT_TYPE,
    related_types=RELATED,
    description="An account that leaves the organisation escapes every guardrail, log and detector the "
    "organisation applies.",
    remediation=Remediation(
        console="Organizations > Policies > Service control policies > Create: Deny organizations:LeaveOrganization; attach to the root.",
        cli="aws organizations create-policy --type SERVICE_CONTROL_POLICY --name deny-leave-org --content file://deny-leave.json "
        "&& aws organizations attach-policy --policy-id ID --target-id ROOT_ID   # or: wasp guardrails scp",
        cloudformation="AWS::Organizations::Policy {Type: SERVICE_CONTROL_POLICY, TargetIds: [ROOT_ID], Content: {Statement: "
        "[{Effect: Deny, Action: organizations:LeaveOrganization, Resource: '*'}]}}",
        terraform='resource "aws_organizations_policy" "deny_leave" { type = "SERVICE_CONTROL_POLICY" content = jsonencode(...) } + aws_organizations_policy_attachment',
    ),
    iac=False,
)


def recognise(sts: list[dict[str, Any]]) -> list[str]:
    """Missing pieces: the LeaveOrganization deny."""
    return [] if denies(sts, "organizations:LeaveOrganization") else ["LeaveOrganization deny"]


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _scp.evaluate_guardrail."""
    return evaluate_guardrail(view, ctx, "deny leaving the organisation", recognise)


EXAMPLES = scp_examples(
    {"Statement": [{"Effect": "Deny", "Action": "organizations:Leave*", "Resource": "*"}]}
)
