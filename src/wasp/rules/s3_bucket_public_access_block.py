"""S3 buckets block all public access."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
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
    unknown,
)
from wasp.rules._s3_block import FLAGS, block_layers, example_account, neutralised

META = RuleMeta(
    title="S3 buckets block all public access",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP04", "SEC03-BP07"),
    resource_type="AWS::S3::Bucket",
    related_types=(ACCOUNT_TYPE,),
    description="All four Block Public Access settings stop a policy or ACL mistake from publishing data. Each may be "
    "on for the bucket or for the whole account (S3 applies the stricter); one that could not be read at either "
    "level, and is not on at the other, leaves the verdict unknown.",
    public_exposure=True,
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Block public access > Edit > Block all public access.",
        cli="aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration "
        "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        cloudformation="PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, "
        "IgnorePublicAcls: true, RestrictPublicBuckets: true}",
        terraform='resource "aws_s3_bucket_public_access_block" "this" { bucket = aws_s3_bucket.this.id  '
        "block_public_acls = true  block_public_policy = true  ignore_public_acls = true  "
        "restrict_public_buckets = true }",
    ),
    checkov=(
        "CKV_AWS_53",
        "CKV_AWS_54",
        "CKV_AWS_55",
        "CKV_AWS_56",
        "CKV2_AWS_6",
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every flag must be on at bucket or account level (they combine with OR, as S3 applies them)."""
    off: list[str] = []
    unknown_flags: list[str] = []
    by_account: list[str] = []
    for flag in FLAGS:
        layers = block_layers(view, ctx, flag)
        state, _ = neutralised(layers)
        if state is False:
            off.append(flag)
        elif state is None:
            unknown_flags.append(flag)
        elif layers.get(f"bucket-level {flag}") is not True:
            by_account.append(flag)
    if off:
        return failed(f"bucket {view.id} does not block public access: {', '.join(off)} off")
    if unknown_flags:
        return unknown(
            f"bucket {view.id}: whether {', '.join(unknown_flags)} is on (bucket or account level) is unknown"
        )
    if by_account:
        return passed(f"all public access blocked ({', '.join(by_account)} by the account-level block)")
    return passed("all public access blocked")


EXAMPLES = (
    Example(
        "blocked",
        example_resource("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": dict.fromkeys(FLAGS, True)}),
        FindingStatus.PASS,
        (example_account(Unresolved("s3:GetAccountPublicAccessBlock denied")),),
    ),
    Example(
        "blocked-by-account",
        example_resource("AWS::S3::Bucket", {}),
        FindingStatus.PASS,
        (example_account(dict.fromkeys(FLAGS, True)),),
    ),
    Example("missing", example_resource("AWS::S3::Bucket", {}), FindingStatus.FAIL, (example_account(None),)),
    Example(
        "partial",
        example_resource("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": True}}),
        FindingStatus.FAIL,
        (example_account({"IgnorePublicAcls": True}),),
    ),
    Example(
        "account-block-unread",
        example_resource("AWS::S3::Bucket", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": True}}),
        FindingStatus.UNKNOWN,
        (example_account(Unresolved("s3:GetAccountPublicAccessBlock denied")),),
    ),
)
