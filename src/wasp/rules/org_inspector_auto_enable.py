"""Inspector's organisation configuration auto-enables EC2, ECR and Lambda scanning for new members."""

from wasp.model import FindingStatus, Severity, Unresolved
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    failed,
    passed,
)
from wasp.rules._orgservice import SERVICE_CONFIGURATION, configuration_example, judge, setting

SCANS = {"ec2": "EC2", "ecr": "ECR", "lambda": "Lambda"}
"""The scan types every member needs, by the key of Inspector's ``autoEnable``."""

META = RuleMeta(
    title="Inspector auto-enables EC2, ECR and Lambda scanning for organisation members",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP01", "SEC01-BP06"),
    resource_type=SERVICE_CONFIGURATION,
    description="The Inspector delegated administrator's organisation configuration decides which scans start "
    "in each account that joins the organisation: without EC2, ECR and Lambda auto-enabled, new accounts' "
    "instances, images and functions are never scanned for vulnerabilities until someone enables them by hand "
    "(inspector_enabled judges each reviewed account). Read in organisation reviews from the Inspector "
    "delegated administrator.",
    remediation=Remediation(
        console="Inspector (delegated administrator), each region > Account management > Auto-enable: EC2, "
        "ECR, Lambda standard scanning.",
        cli="aws inspector2 update-organization-configuration --auto-enable ec2=true,ecr=true,lambda=true "
        "--region REGION",
        cloudformation="No resource type; set it from the delegated administrator with the CLI.",
        terraform='resource "aws_inspector2_organization_configuration" "this" { auto_enable { ec2 = true '
        "ecr = true lambda = true } }",
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every one of EC2, ECR and Lambda must be auto-enabled."""
    return judge(view, ctx, "inspector2", "Inspector", _decide)


def _decide(view: ResourceView, ctx: RuleContext) -> Verdict:
    region = view.resource.region
    off = [name for key, name in SCANS.items() if setting(view, f"autoEnable.{key}") is not True]
    view.note("scans_not_auto_enabled", off)
    if off:
        return failed(f"Inspector does not auto-enable {', '.join(off)} scanning for new members in {region}")
    return passed(f"Inspector auto-enables EC2, ECR and Lambda scanning for new members in {region}")


_IN = "inspector2"
_ALL = {"autoEnable": {"ec2": True, "ecr": True, "lambda": True, "lambdaCode": False}}
EXAMPLES = (
    Example("all-three", configuration_example(_IN, _ALL), FindingStatus.PASS),
    Example(
        "no-lambda",
        configuration_example(_IN, {"autoEnable": {"ec2": True, "ecr": True, "lambda": False}}),
        FindingStatus.FAIL,
    ),
    Example("nothing", configuration_example(_IN, {"autoEnable": {}}), FindingStatus.FAIL),
    Example(
        "not-the-administrator",
        configuration_example(
            _IN, Unresolved("inspector2:describe_organization_configuration access_denied")
        ),
        FindingStatus.UNKNOWN,
    ),
)
