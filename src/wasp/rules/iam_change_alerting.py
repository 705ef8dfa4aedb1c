"""Changes to IAM raise an alert: an EventBridge rule with a target, or a metric filter with an alarm."""

import json

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
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

RULE = "AWS::Events::Rule"
FILTER = "AWS::Logs::MetricFilter"
ALARM = "AWS::CloudWatch::Alarm"

META = RuleMeta(
    title="IAM changes raise an alert",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP03",),
    resource_type=ACCOUNT_TYPE,
    related_types=(RULE, FILTER, ALARM),
    description="Policy, user and role changes are how attackers persist; someone must hear about them quickly "
    "(CIS 4.4 / EventBridge on aws.iam).",
    remediation=Remediation(
        console="EventBridge > Rules > Create: pattern {source: [aws.iam], detail-type: [AWS API Call via CloudTrail]} "
        "with an SNS or incident-tool target (IAM events arrive in us-east-1).",
        cli="aws events put-rule --name iam-changes --event-pattern file://iam.json --region us-east-1 && aws events put-targets ...",
        cloudformation="AWS::Events::Rule {EventPattern: {source: [aws.iam]}, Targets: [{Arn: !Ref AlertTopic, Id: sns}]}",
        terraform="aws_cloudwatch_event_rule (event_pattern source aws.iam) + aws_cloudwatch_event_target",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Either route counts; the rule needs a target, the filter an alarm with actions."""
    rules = [
        r.id
        for r in ctx.inventory.of_type(RULE)
        if "aws.iam" in json.dumps(r.properties.get("EventPattern") or {})
        and r.properties.get("Targets")
        and r.properties.get("State", "ENABLED") == "ENABLED"
    ]
    alarmed = {
        (a.properties.get("Namespace"), a.properties.get("MetricName"))
        for a in ctx.inventory.of_type(ALARM)
        if a.properties.get("AlarmActions")
    }
    filters = [
        f.id
        for f in ctx.inventory.of_type(FILTER)
        if any(
            k in str(f.properties.get("FilterPattern", ""))
            for k in ("iam.amazonaws.com", "DeleteRolePolicy", "PutUserPolicy", "AttachRolePolicy")
        )
        and any(
            (m.get("MetricNamespace"), m.get("MetricName")) in alarmed
            for m in f.properties.get("MetricTransformations") or []
        )
    ]
    view.note("event_rules", rules)
    view.note("alarmed_metric_filters", filters)
    if rules or filters:
        return passed("IAM changes alert via " + ", ".join(rules + filters))
    return failed("no EventBridge rule (with a target) or alarmed metric filter watches IAM changes")


_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
EXAMPLES = (
    Example(
        "rule",
        _ACCT,
        FindingStatus.PASS,
        (
            example_resource(
                RULE,
                {
                    "EventPattern": {"source": ["aws.iam"]},
                    "Targets": [{"Arn": "arn:aws:sns:x"}],
                    "State": "ENABLED",
                },
                "r",
            ),
        ),
    ),
    Example(
        "no-target",
        _ACCT,
        FindingStatus.FAIL,
        (example_resource(RULE, {"EventPattern": {"source": ["aws.iam"]}, "Targets": []}, "r"),),
    ),
    Example("none", _ACCT, FindingStatus.FAIL),
)
