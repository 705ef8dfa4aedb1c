"""CodeBuild projects encrypt their output with a customer managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples
from wasp.rules._net import expect_set

META = RuleMeta(
    title="CodeBuild projects use a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::CodeBuild::Project",
    description="Without EncryptionKey, CodeBuild encrypts artifacts with the AWS managed S3 key; a customer "
    "managed key lets the key policy decide who can read build output.",
    remediation=Remediation(
        console="CodeBuild > PROJECT > Edit > Environment > Additional configuration > Encryption key.",
        cli="aws codebuild update-project --name P --encryption-key KEY_ARN",
        cloudformation="EncryptionKey: !GetAtt BuildKey.Arn",
        terraform="encryption_key = aws_kms_key.build.arn",
    ),
    checkov=("CKV_AWS_147",),
)

evaluate = expect_set(
    "EncryptionKey",
    refuse=lambda v: "alias/aws/" in str(v),
    ok="output encrypted with a customer managed key",
    bad="CodeBuild project {name} uses the AWS managed key",
)

EXAMPLES = examples(
    "AWS::CodeBuild::Project",
    passing=[("cmk", {"EncryptionKey": "arn:aws:kms:eu-west-2:111122223333:key/k"})],
    failing=[("absent", {"Name": "build"}), ("aws-managed", {"EncryptionKey": "alias/aws/s3"})],
)
