"""Amazon Detective is enabled in every in-scope region (recorded as an improvement where absent)."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
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

TYPE = "AWS::Detective::Graph"

META = RuleMeta(
    title="Amazon Detective is enabled",
    severity=Severity.LOW,
    best_practices=("SEC10-BP06", "SEC04-BP03"),
    resource_type=ACCOUNT_TYPE,
    related_types=(TYPE,),
    decides_gaps=True,
    description="Detective builds a behaviour graph from CloudTrail, flow logs and GuardDuty findings, so responders can see what a principal did before and after an alert. Low severity: an improvement, not a gap in a baseline control.",
    remediation=Remediation(
        console="Detective > Enable Amazon Detective (delegated admin in the security account).",
        cli="aws detective create-graph --region REGION",
        cloudformation="AWS::Detective::Graph",
        terraform="aws_detective_graph",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """One per region."""
    return regional_verdict(view, ctx, "Amazon Detective", resource_judge(view, ctx, TYPE))


_W = WorkloadScope(regions=("eu-west-2",))
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
EXAMPLES = (
    Example("on", _ACCT, FindingStatus.PASS, (example_resource(TYPE, {}, "x"),), workload=_W),
    Example("off", _ACCT, FindingStatus.FAIL, workload=_W),
)
