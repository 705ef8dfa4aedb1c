"""Each GuardDuty detector is enabled, not declared suspended."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="GuardDuty detectors are enabled",
    severity=Severity.HIGH,
    best_practices=("SEC04-BP01", "SEC04-BP03"),
    resource_type="AWS::GuardDuty::Detector",
    description="A suspended detector analyses nothing: no findings for compromised instances, leaked keys or "
    "malicious API calls. The account-level rule (guardduty_enabled) asks whether every in-scope region has an "
    "enabled detector; this one judges each detector as declared.",
    remediation=Remediation(
        console="GuardDuty > Settings > Suspend GuardDuty: re-enable it.",
        cli="aws guardduty update-detector --detector-id ID --enable",
        cloudformation="AWS::GuardDuty::Detector {Enable: true}",
        terraform="enable = true  # the default",
    ),
    checkov=("CKV_AWS_238",),
)

evaluate = expect("Enable", is_true, ok="detector enabled", bad="GuardDuty detector {name} is suspended")

EXAMPLES = examples(
    "AWS::GuardDuty::Detector",
    passing=[("on", {"Enable": True})],
    failing=[("suspended", {"Enable": False}), ("suspended-string", {"Enable": "false"})],
)
