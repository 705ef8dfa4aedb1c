"""EBS encryption by default is on in every in-scope region."""

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
    """Every region in scope must report encryption by default; a region whose read failed is unknown."""
    return regional_verdict(
        view, ctx, "EBS encryption by default", setting_judge(view, "EbsEncryptionByDefault", _decide)
    )


def _decide(value: object) -> RegionState:
    if value is None:
        return not_known("not read")
    return on() if value is True else off()


_W = WorkloadScope(regions=("eu-west-2", "eu-west-1"))
_DENIED = Unresolved("ec2:get_ebs_encryption_by_default access_denied")
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
    Example(
        "off-here-unreadable-there",
        example_resource(
            ACCOUNT_TYPE,
            {
                "Regions": {
                    "eu-west-2": {"EbsEncryptionByDefault": False},
                    "eu-west-1": {"EbsEncryptionByDefault": _DENIED},
                }
            },
        ),
        FindingStatus.FAIL,
        workload=_W,
    ),
    Example(
        "on-here-unreadable-there",
        example_resource(
            ACCOUNT_TYPE,
            {
                "Regions": {
                    "eu-west-2": {"EbsEncryptionByDefault": True},
                    "eu-west-1": {"EbsEncryptionByDefault": _DENIED},
                }
            },
        ),
        FindingStatus.UNKNOWN,
        workload=_W,
    ),
    Example(
        "region-never-read",
        example_resource(ACCOUNT_TYPE, {"Regions": {"eu-west-2": {"EbsEncryptionByDefault": True}}}),
        FindingStatus.UNKNOWN,
        workload=_W,
    ),
)
