"""Versioned S3 buckets require MFA to delete versions."""

from wasp.model import OriginKind, Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="S3 buckets require MFA delete",
    severity=Severity.LOW,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::S3::Bucket",
    description="With MFA delete, permanently deleting an object version or suspending versioning needs the root user's MFA code, so stolen credentials cannot destroy the history. CloudFormation cannot declare it (only the root user can set it, with the CLI): a template's bucket is judged on the live account.",
    remediation=Remediation(
        console="Root user only: enable with the CLI (the console cannot set it).",
        cli='aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled,MFADelete=Enabled --mfa "SERIAL CODE"',
        cloudformation="Not declarable in CloudFormation: the root user enables it with the CLI after the stack creates the bucket.",
        terraform='resource "aws_s3_bucket_versioning" "this" { bucket = aws_s3_bucket.this.id  mfa = "SERIAL CODE"  versioning_configuration { status = "Enabled"  mfa_delete = "Enabled" } }',
    ),
)


def _declarable(view: ResourceView) -> bool:
    """A live bucket or a Terraform one: CloudFormation has no MFA delete property."""
    return view.resource.origin.kind is not OriginKind.CLOUDFORMATION


evaluate = expect(
    "VersioningConfiguration.MfaDelete",
    one_of("Enabled"),
    ok="MFA delete enabled",
    bad="bucket {name} does not require MFA to delete versions",
    default="Disabled",
    applies=_declarable,
)

EXAMPLES = (
    *examples(
        "AWS::S3::Bucket",
        passing=[("on", {"VersioningConfiguration": {"Status": "Enabled", "MfaDelete": "Enabled"}})],
        failing=[
            ("off", {"VersioningConfiguration": {"Status": "Enabled", "MfaDelete": "Disabled"}}),
            ("absent", {"BucketName": "b"}),
        ],
    ),
    unknown_example("AWS::S3::Bucket", "VersioningConfiguration.MfaDelete"),
)
