"""Athena workgroups encrypt query results."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Athena workgroups encrypt query results",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Athena::WorkGroup",
    description="Query results written to S3 hold copies of the data queried; the workgroup's result configuration should encrypt them (SSE-S3, SSE-KMS or CSE-KMS).",
    remediation=Remediation(
        console="Athena > Workgroups > WORKGROUP > Edit > Query result configuration > Encrypt query results.",
        cli="aws athena update-work-group --work-group NAME --configuration-updates ResultConfigurationUpdates={EncryptionConfiguration={EncryptionOption=SSE_KMS,KmsKey=KEY}}",
        cloudformation="WorkGroupConfiguration: {ResultConfiguration: {EncryptionConfiguration: {EncryptionOption: SSE_KMS, KmsKey: !Ref Key}}}",
        terraform='configuration { result_configuration { encryption_configuration { encryption_option = "SSE_KMS" } } }',
    ),
    checkov=("CKV_AWS_159",),
)

evaluate = expect_set(
    "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption",
    ok="query results encrypted ({value})",
    bad="workgroup {name} does not encrypt query results",
)

EXAMPLES = (
    *examples(
        "AWS::Athena::WorkGroup",
        passing=[
            (
                "kms",
                {
                    "WorkGroupConfiguration": {
                        "ResultConfiguration": {"EncryptionConfiguration": {"EncryptionOption": "SSE_KMS"}}
                    }
                },
            )
        ],
        failing=[
            ("absent", {"Name": "analytics"}),
            (
                "no-encryption",
                {"WorkGroupConfiguration": {"ResultConfiguration": {"OutputLocation": "s3://results/"}}},
            ),
        ],
    ),
    unknown_example(
        "AWS::Athena::WorkGroup",
        "WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration.EncryptionOption",
    ),
)
