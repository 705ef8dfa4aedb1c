"""S3 bucket ACLs grant nothing to everyone or to any AWS account."""

from wasp.model import FindingStatus, Severity
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

META = RuleMeta(
    title="S3 bucket ACLs do not grant public access",
    severity=Severity.CRITICAL,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="AWS::S3::Bucket",
    public_exposure=True,
    description="An ACL grant to AllUsers or AuthenticatedUsers makes the bucket readable (or writable) by anyone.",
    remediation=Remediation(
        console="S3 > BUCKET > Permissions > Object Ownership: Bucket owner enforced (disables ACLs).",
        cli="aws s3api put-bucket-ownership-controls --bucket BUCKET --ownership-controls Rules=[{ObjectOwnership=BucketOwnerEnforced}]",
        cloudformation="OwnershipControls: {Rules: [{ObjectOwnership: BucketOwnerEnforced}]}  # and no AccessControl",
        terraform='aws_s3_bucket_ownership_controls { rule { object_ownership = "BucketOwnerEnforced" } }',
    ),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Live: ACL grants to the global groups; IaC: a public canned ACL."""
    grants = list(view.get("Supplementary.PublicAclGrants", []))
    canned = view.get("AccessControl")
    if canned in ("PublicRead", "PublicReadWrite", "AuthenticatedRead"):
        grants.append(f"canned ACL {canned}")
    if grants:
        return failed(f"bucket {view.id} ACL grants {', '.join(grants)}")
    return passed("no public ACL grants")


EXAMPLES = (
    Example(
        "private",
        example_resource("AWS::S3::Bucket", {"Supplementary": {"PublicAclGrants": []}}),
        FindingStatus.PASS,
    ),
    Example(
        "all-users",
        example_resource("AWS::S3::Bucket", {"Supplementary": {"PublicAclGrants": ["AllUsers:READ"]}}),
        FindingStatus.FAIL,
    ),
    Example(
        "canned", example_resource("AWS::S3::Bucket", {"AccessControl": "PublicRead"}), FindingStatus.FAIL
    ),
)
