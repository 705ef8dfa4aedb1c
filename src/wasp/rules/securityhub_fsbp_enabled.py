"""Security Hub is enabled with the AWS Foundational Security Best Practices standard in every region."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY, Unresolved
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

HUB = "AWS::SecurityHub::Hub"
FSBP = "aws-foundational-security-best-practices"

META = RuleMeta(
    title="Security Hub runs the Foundational Security Best Practices standard",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP02", "SEC04-BP03"),
    resource_type=ACCOUNT_TYPE,
    related_types=(HUB,),
    decides_gaps=True,
    description="Security Hub gathers findings from GuardDuty, Inspector, Macie and Config in one place and checks "
    "the account continuously against AWS's foundational standard.",
    remediation=Remediation(
        console="Security Hub > Enable (with AWS Foundational Security Best Practices); aggregate to the security account.",
        cli="aws securityhub enable-security-hub --enable-default-standards --region REGION",
        cloudformation="AWS::SecurityHub::Hub + AWS::SecurityHub::Standard {StandardsArn: ...aws-foundational-security-best-practices/v/1.0.0}",
        terraform="aws_securityhub_account + aws_securityhub_standards_subscription (FSBP)",
    ),
)


def _fsbp(hub: ResourceView) -> bool:
    standards = hub.get(f"{SUPPLEMENTARY}.EnabledStandards") or []
    return isinstance(standards, list) and any(FSBP in str(s) for s in standards)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A hub with FSBP per region; a region whose hub or standards could not be read is unknown."""
    judge = resource_judge(view, ctx, HUB, _fsbp, "Security Hub off")
    return regional_verdict(view, ctx, "Security Hub with FSBP", judge)


_W = WorkloadScope(regions=("eu-west-2",))
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
_ARN = "arn:aws:securityhub:eu-west-2::standards/aws-foundational-security-best-practices/v/1.0.0"
EXAMPLES = (
    Example(
        "fsbp",
        _ACCT,
        FindingStatus.PASS,
        (example_resource(HUB, {SUPPLEMENTARY: {"EnabledStandards": [_ARN]}}, "h"),),
        workload=_W,
    ),
    Example(
        "cis-only",
        _ACCT,
        FindingStatus.FAIL,
        (example_resource(HUB, {SUPPLEMENTARY: {"EnabledStandards": ["cis"]}}, "h"),),
        workload=_W,
    ),
    Example("off", _ACCT, FindingStatus.FAIL, workload=_W),
    Example(
        "standards-unreadable",
        _ACCT,
        FindingStatus.UNKNOWN,
        (example_resource(HUB, {SUPPLEMENTARY: {"EnabledStandards": Unresolved("denied")}}, "h"),),
        workload=_W,
    ),
)
