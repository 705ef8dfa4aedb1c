"""SageMaker data quality jobs encrypt traffic between their instances."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="SageMaker data quality jobs encrypt inter-container traffic",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::SageMaker::DataQualityJobDefinition",
    description="Distributed monitoring jobs exchange data between instances; inter-container traffic encryption protects it in transit.",
    remediation=Remediation(
        console="SageMaker > Model monitor > job definition > Network: enable inter-container traffic encryption.",
        cli="aws sagemaker create-data-quality-job-definition --network-config EnableInterContainerTrafficEncryption=true ...",
        cloudformation="NetworkConfig: {EnableInterContainerTrafficEncryption: true}",
        terraform="network_config { enable_inter_container_traffic_encryption = true }",
    ),
    checkov=("CKV_AWS_369",),
)

evaluate = expect(
    "NetworkConfig.EnableInterContainerTrafficEncryption",
    is_true,
    ok="inter-container traffic encrypted",
    bad="data quality job {name} does not encrypt traffic between its instances",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::SageMaker::DataQualityJobDefinition",
        passing=[("on", {"NetworkConfig": {"EnableInterContainerTrafficEncryption": True}})],
        failing=[("absent", {})],
    ),
    unknown_example(
        "AWS::SageMaker::DataQualityJobDefinition", "NetworkConfig.EnableInterContainerTrafficEncryption"
    ),
)
