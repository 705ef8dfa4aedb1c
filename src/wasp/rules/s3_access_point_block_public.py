"""S3 access points block public access."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_all, unknown_example
from wasp.rules._expect import examples, none_of

META = RuleMeta(
    title="S3 access points block public access",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07",),
    resource_type="AWS::S3::AccessPoint",
    public_exposure=True,
    description="An access point has its own Block Public Access settings (all on by default); turning one off lets a public access point policy expose the bucket's data through it.",
    remediation=Remediation(
        console="Access points cannot change these settings after creation: create a new access point with all four Block Public Access settings on.",
        cli="aws s3control create-access-point --account-id ACCOUNT --name NAME --bucket BUCKET --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
        cloudformation="PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}",
        terraform="public_access_block_configuration { block_public_acls = true  block_public_policy = true  ignore_public_acls = true  restrict_public_buckets = true }",
    ),
    checkov=("CKV_AWS_392",),
)

evaluate = expect_all(
    (
        ("PublicAccessBlockConfiguration.BlockPublicAcls", none_of(False, "false"), True, "BlockPublicAcls"),
        (
            "PublicAccessBlockConfiguration.BlockPublicPolicy",
            none_of(False, "false"),
            True,
            "BlockPublicPolicy",
        ),
        (
            "PublicAccessBlockConfiguration.IgnorePublicAcls",
            none_of(False, "false"),
            True,
            "IgnorePublicAcls",
        ),
        (
            "PublicAccessBlockConfiguration.RestrictPublicBuckets",
            none_of(False, "false"),
            True,
            "RestrictPublicBuckets",
        ),
    ),
    ok="all public access blocked",
    bad="access point {name} does not block public access: {missing} off",
)

EXAMPLES = (
    *examples(
        "AWS::S3::AccessPoint",
        passing=[
            ("default", {"Bucket": "data"}),
            (
                "explicit",
                {
                    "PublicAccessBlockConfiguration": {
                        "BlockPublicAcls": True,
                        "BlockPublicPolicy": True,
                        "IgnorePublicAcls": True,
                        "RestrictPublicBuckets": True,
                    }
                },
            ),
        ],
        failing=[
            (
                "policy-open",
                {
                    "PublicAccessBlockConfiguration": {
                        "BlockPublicPolicy": False,
                        "RestrictPublicBuckets": False,
                    }
                },
            )
        ],
    ),
    unknown_example("AWS::S3::AccessPoint", "PublicAccessBlockConfiguration.BlockPublicAcls"),
)
