"""CloudWatch Logs log groups keep their events for at least a year, by an explicit retention setting."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect

MINIMUM_DAYS = 365


def kept_a_year(value: Any) -> bool:
    """An explicit retention of 365 days or more; 0 (Terraform's 'never expire') counts as kept."""
    try:
        days = int(value)
    except (TypeError, ValueError):
        return False
    return days == 0 or days >= MINIMUM_DAYS


META = RuleMeta(
    title="CloudWatch log groups retain events for at least a year",
    severity=Severity.LOW,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::Logs::LogGroup",
    description="An investigation often starts months after the event. Log groups need an explicit retention "
    "(so the retention is a decision, not an accident) of at least 365 days, or a copy kept elsewhere for as "
    "long. A group with no retention setting fails: set one deliberately.",
    remediation=Remediation(
        console="CloudWatch > Log groups > GROUP > Actions > Edit retention setting: 1 year or more.",
        cli="aws logs put-retention-policy --log-group-name GROUP --retention-in-days 365",
        cloudformation="AWS::Logs::LogGroup {RetentionInDays: 365}",
        terraform='resource "aws_cloudwatch_log_group" "this" { retention_in_days = 365 }',
    ),
    checkov=("CKV_AWS_66", "CKV_AWS_338"),
)

evaluate = expect(
    "RetentionInDays",
    kept_a_year,
    ok="log events retained {value} days (0: never expire)",
    bad="log group {name} retention: {value} (needs an explicit 365 days or more)",
    default="not set",
)

EXAMPLES = examples(
    "AWS::Logs::LogGroup",
    passing=[("year", {"RetentionInDays": 365}), ("longer", {"RetentionInDays": "3653"})],
    failing=[("unset", {"LogGroupName": "app"}), ("month", {"RetentionInDays": 30})],
)
