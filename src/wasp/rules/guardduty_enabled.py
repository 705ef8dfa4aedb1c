"""GuardDuty is enabled in every in-scope region."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    WorkloadScope,
    example_resource,
)
from wasp.rules._regional import regional_verdict, resource_judge

DETECTOR = "AWS::GuardDuty::Detector"

META = RuleMeta(
    title="GuardDuty is enabled in every in-scope region",
    severity=Severity.HIGH,
    best_practices=("SEC04-BP01", "SEC04-BP03"),
    resource_type=ACCOUNT_TYPE,
    related_types=(DETECTOR,),
    decides_gaps=True,
    description="GuardDuty watches CloudTrail, VPC flow and DNS logs for threats; a region without it is a blind spot "
    "attackers use.",
    remediation=Remediation(
        console="GuardDuty > Get started > Enable (delegate administration to the security account; auto-enable members).",
        cli="aws guardduty create-detector --enable --region REGION",
        cloudformation="AWS::GuardDuty::Detector {Enable: true}  # StackSet to every region",
        terraform='resource "aws_guardduty_detector" "this" { enable = true }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """An enabled detector per region; a region whose detectors could not be read is unknown."""
    judge = resource_judge(view, ctx, DETECTOR, lambda d: d.get("Enable") in (True, "true"), "no detector")
    return regional_verdict(view, ctx, "GuardDuty", judge)


_W = WorkloadScope(regions=("eu-west-2",))
_W2 = WorkloadScope(regions=("eu-west-2", "eu-west-1"))
_DENIED = Unresolved("guardduty:get_detector access_denied")
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
EXAMPLES = (
    Example(
        "on", _ACCT, FindingStatus.PASS, (example_resource(DETECTOR, {"Enable": True}, "d"),), workload=_W
    ),
    Example(
        "suspended",
        _ACCT,
        FindingStatus.FAIL,
        (example_resource(DETECTOR, {"Enable": False}, "d"),),
        workload=_W,
    ),
    Example("none", _ACCT, FindingStatus.FAIL, workload=_W),
    Example(
        "off-here-unreadable-there",
        _ACCT,
        FindingStatus.FAIL,
        (
            example_resource(DETECTOR, {"Enable": False}, "d2"),
            example_resource(DETECTOR, {"Enable": _DENIED}, "d1", region="eu-west-1"),
        ),
        workload=_W2,
    ),
    Example(
        "on-here-unreadable-there",
        _ACCT,
        FindingStatus.UNKNOWN,
        (
            example_resource(DETECTOR, {"Enable": True}, "d2"),
            example_resource(DETECTOR, {"Enable": _DENIED}, "d1", region="eu-west-1"),
        ),
        workload=_W2,
    ),
    Example("no-region-in-scope", _ACCT, FindingStatus.UNKNOWN, workload=WorkloadScope()),
)
