"""ECR repositories encrypt images with KMS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="ECR repositories are encrypted with KMS",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::ECR::Repository",
    description="ECR encrypts images with S3-managed keys by default; KMS encryption (ideally a customer-managed key) puts image reads under a key policy and in CloudTrail.",
    remediation=Remediation(
        console="ECR > Create repository > Encryption settings: AWS KMS (set at creation).",
        cli="aws ecr create-repository --repository-name REPO --encryption-configuration encryptionType=KMS,kmsKey=KEY_ARN",
        cloudformation="EncryptionConfiguration: {EncryptionType: KMS, KmsKey: !GetAtt Key.Arn}",
        terraform='encryption_configuration { encryption_type = "KMS"  kms_key = aws_kms_key.this.arn }',
    ),
    checkov=("CKV_AWS_136",),
)

evaluate = expect(
    "EncryptionConfiguration.EncryptionType",
    one_of("KMS", "KMS_DSSE"),
    ok="encrypted with {value}",
    bad="repository {name} is not encrypted with KMS ({value})",
    default="AES256",
)

EXAMPLES = (
    *examples(
        "AWS::ECR::Repository",
        passing=[("kms", {"EncryptionConfiguration": {"EncryptionType": "KMS"}})],
        failing=[
            ("default", {"RepositoryName": "app"}),
            ("aes", {"EncryptionConfiguration": {"EncryptionType": "AES256"}}),
        ],
    ),
    unknown_example("AWS::ECR::Repository", "EncryptionConfiguration.EncryptionType"),
)
