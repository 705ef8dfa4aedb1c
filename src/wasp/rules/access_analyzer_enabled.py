"""IAM Access Analyzer has an active analyzer in every in-scope region."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
from wasp.model.resource import SUPPLEMENTARY
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

ANALYZER = "AWS::AccessAnalyzer::Analyzer"

META = RuleMeta(
    title="IAM Access Analyzer is enabled in every region",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP07", "SEC03-BP04"),
    resource_type=ACCOUNT_TYPE,
    related_types=(ANALYZER,),
    decides_gaps=True,
    description="Access Analyzer continuously finds resources shared outside the account or organisation, and "
    "unused access.",
    remediation=Remediation(
        console="IAM > Access analyzer > Create analyzer (zone of trust: organisation) in each region.",
        cli="aws accessanalyzer create-analyzer --analyzer-name org --type ORGANIZATION --region REGION",
        cloudformation="AWS::AccessAnalyzer::Analyzer {Type: ORGANIZATION}  # StackSet to every region",
        terraform='resource "aws_accessanalyzer_analyzer" "org" { analyzer_name = "org" type = "ORGANIZATION" }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """An ACTIVE analyzer per region."""
    judge = resource_judge(
        view, ctx, ANALYZER, lambda a: a.get(f"{SUPPLEMENTARY}.Status", "ACTIVE") == "ACTIVE", "no analyzer"
    )
    return regional_verdict(view, ctx, "IAM Access Analyzer", judge)


_W = WorkloadScope(regions=("eu-west-2",))
_ACCT = example_resource(ACCOUNT_TYPE, {}, "111122223333")
EXAMPLES = (
    Example(
        "on",
        _ACCT,
        FindingStatus.PASS,
        (example_resource(ANALYZER, {SUPPLEMENTARY: {"Status": "ACTIVE"}}, "a"),),
        workload=_W,
    ),
    Example("off", _ACCT, FindingStatus.FAIL, workload=_W),
)
