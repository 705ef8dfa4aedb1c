"""The Glue Data Catalog encrypts metadata and connection passwords."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_all, unknown_example
from wasp.rules._expect import examples, is_true, one_of

META = RuleMeta(
    title="Glue Data Catalog encrypts metadata and connection passwords",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Glue::DataCatalogEncryptionSettings",
    description="Catalog encryption at rest protects table metadata; connection password encryption keeps database passwords stored in Glue connections encrypted with KMS.",
    remediation=Remediation(
        console="Glue > Data Catalog > Catalog settings > Metadata encryption and Encrypt connection passwords.",
        cli="aws glue put-data-catalog-encryption-settings --data-catalog-encryption-settings 'EncryptionAtRest={CatalogEncryptionMode=SSE-KMS},ConnectionPasswordEncryption={ReturnConnectionPasswordEncrypted=true,AwsKmsKeyId=KEY}'",
        cloudformation="DataCatalogEncryptionSettings: {EncryptionAtRest: {CatalogEncryptionMode: SSE-KMS}, ConnectionPasswordEncryption: {ReturnConnectionPasswordEncrypted: true, KmsKeyId: !Ref Key}}",
        terraform='data_catalog_encryption_settings { encryption_at_rest { catalog_encryption_mode = "SSE-KMS" } connection_password_encryption { return_connection_password_encrypted = true  aws_kms_key_id = aws_kms_key.this.arn } }',
    ),
    checkov=("CKV_AWS_94",),
)

evaluate = expect_all(
    (
        (
            "DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode",
            one_of("SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"),
            "DISABLED",
            "metadata encryption",
        ),
        (
            "DataCatalogEncryptionSettings.ConnectionPasswordEncryption.ReturnConnectionPasswordEncrypted",
            is_true,
            False,
            "connection password encryption",
        ),
    ),
    ok="catalog metadata and connection passwords encrypted",
    bad="Glue catalog {name} lacks {missing}",
)

EXAMPLES = (
    *examples(
        "AWS::Glue::DataCatalogEncryptionSettings",
        passing=[
            (
                "both",
                {
                    "DataCatalogEncryptionSettings": {
                        "EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS"},
                        "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": True},
                    }
                },
            )
        ],
        failing=[
            (
                "metadata-only",
                {"DataCatalogEncryptionSettings": {"EncryptionAtRest": {"CatalogEncryptionMode": "SSE-KMS"}}},
            ),
            (
                "disabled",
                {
                    "DataCatalogEncryptionSettings": {
                        "EncryptionAtRest": {"CatalogEncryptionMode": "DISABLED"},
                        "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": True},
                    }
                },
            ),
        ],
    ),
    unknown_example(
        "AWS::Glue::DataCatalogEncryptionSettings",
        "DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode",
        {
            "DataCatalogEncryptionSettings": {
                "ConnectionPasswordEncryption": {"ReturnConnectionPasswordEncrypted": True}
            }
        },
    ),
)
