"""CodeGuru Reviewer repository associations use a customer-managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="CodeGuru Reviewer associations are encrypted with a customer-managed KMS key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="WASP::CodeGuruReviewer::RepositoryAssociation",
    description="A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key gives neither.",
    remediation=Remediation(
        console="CodeGuru > Reviewer > Associate repository > Encryption key: customize encryption settings.",
        cli="aws codeguru-reviewer associate-repository --repository ... --kms-key-details EncryptionOption=CUSTOMER_MANAGED_CMK,KMSKeyId=KEY",
        cloudformation="AWS::CodeGuruReviewer::RepositoryAssociation cannot set a key; associate with the CLI or Terraform.",
        terraform='kms_key_details { encryption_option = "CUSTOMER_MANAGED_CMK"  kms_key_id = aws_kms_key.this.key_id }',
    ),
    checkov=("CKV_AWS_381",),
)

evaluate = expect(
    "KMSKeyDetails.EncryptionOption",
    one_of("CUSTOMER_MANAGED_CMK"),
    ok="customer-managed key",
    bad="repository association {name} uses the AWS-owned key",
    default="AWS_OWNED_CMK",
)

EXAMPLES = (
    *examples(
        "WASP::CodeGuruReviewer::RepositoryAssociation",
        passing=[("cmk", {"KMSKeyDetails": {"EncryptionOption": "CUSTOMER_MANAGED_CMK", "KMSKeyId": "k"}})],
        failing=[
            ("absent", {"Name": "repo"}),
            ("aws-owned", {"KMSKeyDetails": {"EncryptionOption": "AWS_OWNED_CMK"}}),
        ],
    ),
    unknown_example("WASP::CodeGuruReviewer::RepositoryAssociation", "KMSKeyDetails.EncryptionOption"),
)
