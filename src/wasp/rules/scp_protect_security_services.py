"""An attached SCP prevents disabling CloudTrail, GuardDuty, Security Hub and Config."""

from typing import Any

from wasp.model import ACCOUNT_TYPE, Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict
from wasp.rules._scp import RELATED, evaluate_guardrail, missing_actions, scp_examples

REQUIRED = {
    "CloudTrail": ("cloudtrail:StopLogging", "cloudtrail:DeleteTrail"),
    "GuardDuty": (
        "guardduty:DeleteDetector",
        "guardduty:DisassociateFromMasterAccount",
        "guardduty:UpdateDetector",
    ),
    "Security Hub": ("securityhub:DisableSecurityHub", "securityhub:BatchDisableStandards"),
    "Config": ("config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder"),
}

META = RuleMeta(
    title="SCP prevents disabling CloudTrail, GuardDuty, Security Hub and Config",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP05", "SEC04-BP01", "SEC01-BP06"),
    resource_type=ACCOUNT_TYPE,
    related_types=RELATED,
    description="An intruder's first move is to switch off detection; an SCP denies it even to account admins.",
    remediation=Remediation(
        console="Organizations > SCPs > Create: Deny cloudtrail:StopLogging/DeleteTrail, guardduty:DeleteDetector/"
        "DisassociateFromMasterAccount, securityhub:DisableSecurityHub, config:StopConfigurationRecorder/DeleteConfigurationRecorder.",
        cli="wasp guardrails scp   # includes protect-security-services",
        cloudformation="AWS::Organizations::Policy {Effect: Deny, Action: [cloudtrail:StopLogging, cloudtrail:DeleteTrail, "
        "guardduty:DeleteDetector, securityhub:DisableSecurityHub, config:StopConfigurationRecorder, ...], Resource: '*'}",
        terraform="aws_organizations_policy with the same statement",
    ),
    iac=False,
)


def recognise(sts: list[dict[str, Any]]) -> list[str]:
    """Which of the four services is not protected."""
    return missing_actions(sts, REQUIRED)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """See _scp.evaluate_guardrail."""
    return evaluate_guardrail(
        view, ctx, "prevent disabling CloudTrail, GuardDuty, Security Hub and Config", recognise
    )


EXAMPLES = scp_examples(
    {
        "Statement": [
            {
                "Effect": "Deny",
                "Resource": "*",
                "Action": [
                    "cloudtrail:StopLogging",
                    "guardduty:DeleteDetector",
                    "securityhub:DisableSecurityHub",
                    "config:Stop*",
                ],
            }
        ]
    }
)
