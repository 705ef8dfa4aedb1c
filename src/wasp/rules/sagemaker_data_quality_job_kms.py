"""SageMaker data quality jobs encrypt their output and volumes with KMS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_all, unknown_example
from wasp.rules._expect import examples, present

META = RuleMeta(
    title="SageMaker data quality jobs encrypt output and volumes with KMS",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::SageMaker::DataQualityJobDefinition",
    description="Monitoring jobs copy samples of inference data to their volumes and write reports to S3; a KMS key for each keeps both under your key policy.",
    remediation=Remediation(
        console="SageMaker > Model monitor > job definition: set a KMS key for output and for the volume (set at creation).",
        cli="aws sagemaker create-data-quality-job-definition --data-quality-job-output-config KmsKeyId=KEY,... --job-resources ClusterConfig={VolumeKmsKeyId=KEY,...} ...",
        cloudformation="DataQualityJobOutputConfig: {KmsKeyId: !Ref Key, ...}  JobResources: {ClusterConfig: {VolumeKmsKeyId: !Ref Key, ...}}",
        terraform="data_quality_job_output_config { kms_key_id = aws_kms_key.this.arn } job_resources { cluster_config { volume_kms_key_id = aws_kms_key.this.arn } }",
    ),
    checkov=(
        "CKV_AWS_367",
        "CKV_AWS_368",
    ),
)

evaluate = expect_all(
    (
        ("DataQualityJobOutputConfig.KmsKeyId", present, None, "a KMS key for the output"),
        ("JobResources.ClusterConfig.VolumeKmsKeyId", present, None, "a KMS key for the volume"),
    ),
    ok="output and volume encrypted with KMS",
    bad="data quality job {name} lacks {missing}",
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::DataQualityJobDefinition",
        passing=[
            (
                "both",
                {
                    "DataQualityJobOutputConfig": {"KmsKeyId": "k"},
                    "JobResources": {"ClusterConfig": {"VolumeKmsKeyId": "k"}},
                },
            )
        ],
        failing=[("volume-only", {"JobResources": {"ClusterConfig": {"VolumeKmsKeyId": "k"}}}), ("none", {})],
    ),
    unknown_example(
        "AWS::SageMaker::DataQualityJobDefinition",
        "DataQualityJobOutputConfig.KmsKeyId",
        {"JobResources": {"ClusterConfig": {"VolumeKmsKeyId": "k"}}},
    ),
)
