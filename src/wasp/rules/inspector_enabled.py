"""Amazon Inspector scans EC2, ECR and Lambda in every in-scope region."""

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
from wasp.rules._regional import RegionState, not_known, off, on, regional_verdict, setting_judge

KINDS = ("EC2", "ECR", "LAMBDA")

META = RuleMeta(
    title="Inspector scans EC2, ECR and Lambda in every region",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP01", "SEC06-BP05"),
    resource_type=ACCOUNT_TYPE,
    description="Continuous vulnerability scanning of instances, container images and functions is the basis of "
    "vulnerability management.",
    remediation=Remediation(
        console="Inspector > Activate (EC2, ECR, Lambda) from the delegated administrator, auto-enable for members.",
        cli="aws inspector2 enable --resource-types EC2 ECR LAMBDA --region REGION",
        cloudformation="No native enabling resource; use the CLI, or Organizations delegated admin with auto-enable.",
        terraform='resource "aws_inspector2_enabler" "this" { account_ids = [ACCOUNT] resource_types = ["EC2", "ECR", "LAMBDA"] }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every region must report ENABLED for each kind; a region whose status could not be read is unknown."""
    return regional_verdict(
        view, ctx, "Inspector scanning of EC2, ECR and Lambda", setting_judge(view, "Inspector", _decide)
    )


def _decide(state: object) -> RegionState:
    if not isinstance(state, dict):
        return not_known("not read")
    scanning_off = [k for k in KINDS if state.get(k) != "ENABLED"]
    return off(", ".join(scanning_off) + " off") if scanning_off else on()


_W = WorkloadScope(regions=("eu-west-2",))
EXAMPLES = (
    Example(
        "on",
        example_resource(
            ACCOUNT_TYPE, {"Regions": {"eu-west-2": {"Inspector": dict.fromkeys(KINDS, "ENABLED")}}}
        ),
        FindingStatus.PASS,
        workload=_W,
    ),
    Example(
        "ec2-only",
        example_resource(ACCOUNT_TYPE, {"Regions": {"eu-west-2": {"Inspector": {"EC2": "ENABLED"}}}}),
        FindingStatus.FAIL,
        workload=_W,
    ),
    Example(
        "unreadable",
        example_resource(ACCOUNT_TYPE, {"Regions": {"eu-west-2": {"Inspector": Unresolved("denied")}}}),
        FindingStatus.UNKNOWN,
        workload=_W,
    ),
)
