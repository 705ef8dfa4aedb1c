"""EBS encryption by default is on in every in-scope region."""

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
    failed,
    passed,
    unknown,
)

META = RuleMeta(
    title="EBS encryption by default is enabled in every in-scope region",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP03",),
    resource_type=ACCOUNT_TYPE,
    description="Encryption by default makes every new volume and snapshot copy encrypted without anyone "
    "having to remember.",
    remediation=Remediation(
        console="EC2 > Settings (per region) > Data protection and security > EBS encryption > Manage > Enable.",
        cli="aws ec2 enable-ebs-encryption-by-default --region REGION",
        cloudformation="No native resource; enable per region with the CLI or StackSets + a custom resource.",
        terraform='resource "aws_ebs_encryption_by_default" "this" { enabled = true }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every region in scope must report encryption by default."""
    regions = ctx.workload.regions or tuple(view.get("Regions", {}).keys())
    off: list[str] = []
    missing: list[str] = []
    for region in regions:
        value = view.get(f"Regions.{region}.EbsEncryptionByDefault")
        if value is None:
            missing.append(region)
        elif not value:
            off.append(region)
    if off:
        return failed("EBS encryption by default is off in " + ", ".join(off))
    if missing or not regions:
        return unknown("EBS encryption-by-default was not read for " + (", ".join(missing) or "any region"))
    return passed("EBS encryption by default is on in " + ", ".join(regions))


_W = WorkloadScope(regions=("eu-west-2", "eu-west-1"))
EXAMPLES = (
    Example(
        "on",
        example_resource(
            ACCOUNT_TYPE,
            {
                "Regions": {
                    "eu-west-2": {"EbsEncryptionByDefault": True},
                    "eu-west-1": {"EbsEncryptionByDefault": True},
                }
            },
        ),
        FindingStatus.PASS,
        workload=_W,
    ),
    Example(
        "off-one",
        example_resource(
            ACCOUNT_TYPE,
            {
                "Regions": {
                    "eu-west-2": {"EbsEncryptionByDefault": True},
                    "eu-west-1": {"EbsEncryptionByDefault": False},
                }
            },
        ),
        FindingStatus.FAIL,
        workload=_W,
    ),
)
