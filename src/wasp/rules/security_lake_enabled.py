"""Amazon Security Lake is enabled in every in-scope region (recorded as an improvement where absent)."""

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

TYPE = "AWS::SecurityLake::DataLake"

META = RuleMeta(
    title="Amazon Security Lake is enabled",
    severity=Severity.LOW,
    best_practices=("SEC10-BP06", "SEC04-BP02"),
    resource_type=ACCOUNT_TYPE,
    related_types=(TYPE,),
    decides_gaps=True,
    description="Security Lake normalises CloudTrail, VPC flow, Route 53 and Security Hub data into OCSF in one place the team can query during an incident. Low severity: an improvement, not a gap in a baseline control.",
    remediation=Remediation(
        console="Security Lake > Get started > enable sources and regions, roll-up region.",
        cli="aws securitylake create-data-lake --configurations ... --meta-store-manager-role-arn ROLE",
        cloudformation="AWS::SecurityLake::DataLake",
        terraform="aws_securitylake_data_lake",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """One per region."""
    return regional_verdict(view, ctx, "Amazon Security Lake", resource_judge(view, ctx, TYPE))


_W = WorkloadScope(regions=("eu-west-2",))
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
EXAMPLES = (
    Example("on", _ACCT, FindingStatus.PASS, (example_resource(TYPE, {}, "x"),), workload=_W),
    Example("off", _ACCT, FindingStatus.FAIL, workload=_W),
)
