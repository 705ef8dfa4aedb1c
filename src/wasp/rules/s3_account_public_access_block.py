"""The account-level S3 Block Public Access is fully on."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)
from wasp.rules._shape import flag

FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")

META = RuleMeta(
    title="Account-level S3 Block Public Access is on",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP04", "SEC08-BP03"),
    resource_type=ACCOUNT_TYPE,
    public_exposure=True,
    description="The account-level block protects every current and future bucket, whatever its own settings.",
    remediation=Remediation(
        console="S3 > Block Public Access settings for this account > Edit > Block all public access.",
        cli="aws s3control put-public-access-block --account-id ACCOUNT --public-access-block-configuration "
        "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        cloudformation="No native resource for the account block; use the CLI or a StackSet custom resource.",
        terraform='resource "aws_s3_account_public_access_block" "this" { block_public_acls = true ... }',
    ),
    iac=False,
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """All four flags must be true."""
    off = [f for f in FLAGS if not flag(view, f"PublicAccessBlock.{f}")]
    if off:
        return failed("account-level S3 Block Public Access is off: " + ", ".join(off))
    return passed("account-level S3 Block Public Access is on")


EXAMPLES = (
    Example(
        "on",
        example_resource(ACCOUNT_TYPE, {"PublicAccessBlock": dict.fromkeys(FLAGS, True)}),
        FindingStatus.PASS,
    ),
    Example("off", example_resource(ACCOUNT_TYPE, {"PublicAccessBlock": None}), FindingStatus.FAIL),
)
