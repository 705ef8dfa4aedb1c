"""Where Network Firewall is used, it logs alerts and cannot be deleted casually."""

from wasp.model import FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
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
from wasp.rules._shape import flag, judge_list

META = RuleMeta(
    title="Network firewalls log alerts and have delete protection",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03", "SEC04-BP01"),
    resource_type="AWS::NetworkFirewall::Firewall",
    description="An inspection layer that does not log its alerts cannot support an investigation, and one that can be "
    "deleted in a single call is an easy first target.",
    remediation=Remediation(
        console="VPC > Network Firewall > FIREWALL > Firewall details: Logging (ALERT and FLOW to S3 or CloudWatch Logs); "
        "Change protections: Delete protection on.",
        cli="aws network-firewall update-logging-configuration --firewall-name FW --logging-configuration file://logging.json && "
        "aws network-firewall update-firewall-delete-protection --firewall-name FW --delete-protection",
        cloudformation="AWS::NetworkFirewall::LoggingConfiguration (LogType ALERT) and DeleteProtection: true on the firewall",
        terraform="aws_networkfirewall_logging_configuration + delete_protection = true",
    ),
    checkov=(
        "CKV2_AWS_63",
        "CKV_AWS_344",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """ALERT logging and delete protection."""
    problems = []
    if "ALERT" not in judge_list(view, f"{SUPPLEMENTARY}.LogTypes"):
        problems.append("no ALERT logging")
    if not flag(view, "DeleteProtection"):
        problems.append("no delete protection")
    if problems:
        return failed(f"network firewall {view.id}: {', '.join(problems)}")
    return passed("alerts logged, delete protection on")


EXAMPLES = (
    Example(
        "good",
        example_resource(
            "AWS::NetworkFirewall::Firewall",
            {"DeleteProtection": True, SUPPLEMENTARY: {"LogTypes": ["ALERT", "FLOW"]}},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "bare",
        example_resource(
            "AWS::NetworkFirewall::Firewall", {"DeleteProtection": False, SUPPLEMENTARY: {"LogTypes": []}}
        ),
        FindingStatus.FAIL,
    ),
)
