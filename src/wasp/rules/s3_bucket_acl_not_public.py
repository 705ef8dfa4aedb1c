"""S3 bucket ACLs grant nothing to everyone or to any AWS account."""

from wasp.model import ACCOUNT_TYPE, FindingStatus, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._s3_block import acl_neutralised, example_account
from wasp.rules._shape import items

META = RuleMeta(
    title="S3 bucket ACLs do not grant public access",
    severity=Severity.CRITICAL,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::S3::Bucket",
    related_types=(ACCOUNT_TYPE,),
    public_exposure=True,
    description="An ACL grant to AllUsers or AuthenticatedUsers makes the bucket readable (or writable) by anyone. "
    "A grant neutralised by IgnorePublicAcls (bucket or account level) or by Object Ownership BucketOwnerEnforced "
    "is a low-severity latent finding; if those settings could not be read, the verdict is unknown.",
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Object Ownership: Bucket owner enforced (disables ACLs).",
        cli="aws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]",
        cloudformation="OwnershipControls: {Rules: [{ObjectOwnership: BucketOwnerEnforced}]}  # and no AccessControl",
        terraform='aws_s3_bucket_ownership_controls { rule { object_ownership = "BucketOwnerEnforced" } }',
    ),
    checkov=(
        "CKV_AWS_20",
        "CKV_AWS_57",
        "CKV2_AWS_43",
        "CKV_AWS_375",
    ),
)


PUBLIC_CANNED = ("PublicRead", "PublicReadWrite", "AuthenticatedRead")


def _grants(view: ResourceView) -> list[str] | None:
    """Public grants: live, ACL grants to the global groups; IaC, a public canned ACL. None when unreadable."""
    live = view.peek(f"{SUPPLEMENTARY}.PublicAclGrants")
    canned = view.peek("AccessControl")
    if contains_unresolved(live) is not None or contains_unresolved(canned) is not None:
        return None
    grants = [str(g) for g in items(view, f"{SUPPLEMENTARY}.PublicAclGrants")]
    if canned in PUBLIC_CANNED:
        grants.append(f"canned ACL {canned}")
    return grants


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Public grants count only where neither Block Public Access (IgnorePublicAcls, bucket or account level) nor
    Object Ownership BucketOwnerEnforced neutralises them; a neutralised grant is a latent, low-severity finding."""
    grants = _grants(view)
    if grants == []:
        return passed("no public ACL grants")
    state, by = acl_neutralised(view, ctx)
    view.note("acl_neutralised_by" if state else "acl_neutralisation_unknown", by or None)
    if state and grants:
        return failed(
            f"bucket {view.id} ACL grants {', '.join(grants)}, but {by} neutralises it: latent, not public",
            Severity.LOW,
            public_exposure=False,
        )
    if state:
        return passed(
            f"ACLs of bucket {view.id} take no effect ({by}), though the ACL itself could not be read"
        )
    if grants is None:
        return unknown(f"the ACL of bucket {view.id} could not be read and nothing is known to neutralise it")
    if state is None:
        return unknown(
            f"bucket {view.id} ACL grants {', '.join(grants)}; whether {by} neutralises it is unknown"
        )
    return failed(f"bucket {view.id} ACL grants {', '.join(grants)}")


_OWNER_ENFORCED = {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}
EXAMPLES = (
    Example(
        "private",
        example_resource("AWS::S3::Bucket", {SUPPLEMENTARY: {"PublicAclGrants": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "all-users",
        example_resource("AWS::S3::Bucket", {SUPPLEMENTARY: {"PublicAclGrants": ["AllUsers:READ"]}}),
        FindingStatus.FAIL,
        (example_account(None),),
    ),
    Example(
        "all-users-account-block-unread",
        example_resource("AWS::S3::Bucket", {SUPPLEMENTARY: {"PublicAclGrants": ["AllUsers:READ"]}}),
        FindingStatus.UNKNOWN,
        (example_account(Unresolved("s3:GetAccountPublicAccessBlock denied")),),
    ),
    Example(
        "all-users-ignored",  # latent: low severity, not public
        example_resource(
            "AWS::S3::Bucket",
            {
                SUPPLEMENTARY: {"PublicAclGrants": ["AllUsers:READ"]},
                "PublicAccessBlockConfiguration": {"IgnorePublicAcls": True},
            },
        ),
        FindingStatus.FAIL,
        (example_account(Unresolved("s3:GetAccountPublicAccessBlock denied")),),
    ),
    Example(
        "acl-unreadable-but-acls-disabled",
        example_resource(
            "AWS::S3::Bucket",
            {
                SUPPLEMENTARY: {"PublicAclGrants": Unresolved("s3:GetBucketAcl denied")},
                "OwnershipControls": _OWNER_ENFORCED,
            },
        ),
        FindingStatus.PASS,
        (example_account(None),),
    ),
    Example(
        "canned",
        example_resource("AWS::S3::Bucket", {"AccessControl": "PublicRead"}),
        FindingStatus.FAIL,
        (example_account(None),),
    ),
)
