"""Machine-learning ``aws_*`` types in CloudFormation shape: SageMaker, Bedrock agents, Comprehend."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, pick, tags, truthy


def notebook(v: Values) -> Props:
    """``aws_sagemaker_notebook_instance`` as ``AWS::SageMaker::NotebookInstance``."""
    props = pick(
        v,
        {
            "name": "NotebookInstanceName",
            "kms_key_id": "KmsKeyId",
            "direct_internet_access": "DirectInternetAccess",
            "subnet_id": "SubnetId",
            "root_access": "RootAccess",
        },
    )
    imds = block(v.get("instance_metadata_service_configuration"))
    if imds:
        props["InstanceMetadataServiceConfiguration"] = pick(
            imds, {"minimum_instance_metadata_service_version": "MinimumInstanceMetadataServiceVersion"}
        )
    return {**props, "Tags": tags(v.get("tags"))}


def domain(v: Values) -> Props:
    """``aws_sagemaker_domain`` as ``AWS::SageMaker::Domain``."""
    return {**pick(v, {"domain_name": "DomainName", "kms_key_id": "KmsKeyId"}), "Tags": tags(v.get("tags"))}


def model(v: Values) -> Props:
    """``aws_sagemaker_model`` as ``AWS::SageMaker::Model``."""
    props = pick(v, {"name": "ModelName"})
    if v.get("enable_network_isolation") is not None:
        props["EnableNetworkIsolation"] = truthy(v["enable_network_isolation"])
    return {**props, "Tags": tags(v.get("tags"))}


def data_quality_job(v: Values) -> Props:
    """``aws_sagemaker_data_quality_job_definition`` as ``AWS::SageMaker::DataQualityJobDefinition``."""
    output = block(v.get("data_quality_job_output_config"))
    cluster = block(block(v.get("job_resources")).get("cluster_config"))
    network = block(v.get("network_config"))
    props: Props = pick(v, {"name": "JobDefinitionName"})
    props["DataQualityJobOutputConfig"] = pick(output, {"kms_key_id": "KmsKeyId"})
    props["JobResources"] = {"ClusterConfig": pick(cluster, {"volume_kms_key_id": "VolumeKmsKeyId"})}
    if network.get("enable_inter_container_traffic_encryption") is not None:
        props["NetworkConfig"] = {
            "EnableInterContainerTrafficEncryption": truthy(
                network["enable_inter_container_traffic_encryption"]
            )
        }
    return {**props, "Tags": tags(v.get("tags"))}


def agent(v: Values) -> Props:
    """``aws_bedrockagent_agent`` as ``AWS::Bedrock::Agent``."""
    props = pick(v, {"agent_name": "AgentName", "customer_encryption_key_arn": "CustomerEncryptionKeyArn"})
    guardrail = block(v.get("guardrail_configuration"))
    if guardrail:
        props["GuardrailConfiguration"] = pick(
            guardrail,
            {"guardrail_identifier": "GuardrailIdentifier", "guardrail_version": "GuardrailVersion"},
        )
    return props


def flow_definition(v: Values) -> Props:
    """``aws_sagemaker_flow_definition`` (no CloudFormation type) as ``WASP::SageMaker::FlowDefinition``."""
    output = block(v.get("output_config"))
    props = pick(v, {"flow_definition_name": "FlowDefinitionName"})
    props["OutputConfig"] = pick(output, {"s3_output_path": "S3OutputPath", "kms_key_id": "KmsKeyId"})
    return props


def entity_recognizer(v: Values) -> Props:
    """``aws_comprehend_entity_recognizer`` as ``AWS::Comprehend::EntityRecognizer``."""
    return pick(
        v,
        {
            "name": "RecognizerName",
            "model_kms_key_id": "ModelKmsKeyId",
            "volume_kms_key_id": "VolumeKmsKeyId",
        },
    )


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_sagemaker_notebook_instance": ("AWS::SageMaker::NotebookInstance", notebook),
    "aws_sagemaker_domain": ("AWS::SageMaker::Domain", domain),
    "aws_sagemaker_model": ("AWS::SageMaker::Model", model),
    "aws_sagemaker_data_quality_job_definition": (
        "AWS::SageMaker::DataQualityJobDefinition",
        data_quality_job,
    ),
    "aws_sagemaker_flow_definition": ("WASP::SageMaker::FlowDefinition", flow_definition),
    "aws_bedrockagent_agent": ("AWS::Bedrock::Agent", agent),
    "aws_comprehend_entity_recognizer": ("AWS::Comprehend::EntityRecognizer", entity_recognizer),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
