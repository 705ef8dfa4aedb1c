"""Athena databases encrypt the query results of their DDL."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Athena databases encrypt their query results",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="WASP::Athena::Database",
    description="Terraform's aws_athena_database runs DDL through Athena; without an encryption configuration its results are written to S3 unencrypted.",
    remediation=Remediation(
        console="Athena > Query editor > Settings > Manage > Encrypt query results.",
        cli="aws athena start-query-execution --query-string 'CREATE DATABASE db' --result-configuration EncryptionConfiguration={EncryptionOption=SSE_KMS,KmsKey=KEY}",
        cloudformation="CloudFormation has no Athena database resource (use AWS::Glue::Database).",
        terraform='encryption_configuration { encryption_option = "SSE_KMS"  kms_key = aws_kms_key.this.arn }',
    ),
    checkov=("CKV_AWS_77",),
)

evaluate = expect_set(
    "EncryptionConfiguration.EncryptionOption",
    ok="results encrypted ({value})",
    bad="Athena database {name} does not encrypt its query results",
)

EXAMPLES = (
    *examples(
        "WASP::Athena::Database",
        passing=[("kms", {"EncryptionConfiguration": {"EncryptionOption": "SSE_KMS"}})],
        failing=[("absent", {"Name": "db"})],
    ),
    unknown_example("WASP::Athena::Database", "EncryptionConfiguration.EncryptionOption"),
)
