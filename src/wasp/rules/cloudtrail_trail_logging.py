"""Each CloudTrail trail is switched on (logging), not merely defined."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="CloudTrail trails are logging",
    severity=Severity.HIGH,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::CloudTrail::Trail",
    description="A trail with logging stopped records nothing: the audit trail an investigation needs is "
    "missing from the moment it was stopped (StopLogging is a classic first move of an intruder).",
    remediation=Remediation(
        console="CloudTrail > Trails > TRAIL > Start logging.",
        cli="aws cloudtrail start-logging --name TRAIL",
        cloudformation="IsLogging: true",
        terraform="enable_logging = true  # the default; remove enable_logging = false",
    ),
    checkov=("CKV_AWS_251",),
)

evaluate = expect("IsLogging", is_true, ok="trail is logging", bad="trail {name} is not logging")

EXAMPLES = examples(
    "AWS::CloudTrail::Trail",
    passing=[("on", {"IsLogging": True})],
    failing=[("stopped", {"IsLogging": False}), ("stopped-string", {"IsLogging": "false"})],
)
