"""Compute ``aws_*`` types in CloudFormation shape: instances, launch templates, Lambda, ECS."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, blocks, document, items, pick, tags, truthy


def instance(v: Values) -> Props:
    """``aws_instance`` as ``AWS::EC2::Instance``."""
    props = pick(
        v,
        {
            "ami": "ImageId",
            "instance_type": "InstanceType",
            "key_name": "KeyName",
            "iam_instance_profile": "IamInstanceProfile",
            "user_data": "UserData",
            "subnet_id": "SubnetId",
        },
    )
    if isinstance(v.get("user_data"), str):
        props["UserData"] = base64.b64encode(v["user_data"].encode()).decode()  # as the API returns it
    elif v.get("user_data_base64") is not None:
        props["UserData"] = v["user_data_base64"]
    groups = items(v.get("vpc_security_group_ids")) + items(v.get("security_groups"))
    props["SecurityGroupIds"] = groups
    if v.get("associate_public_ip_address") is not None:
        props["NetworkInterfaces"] = [
            {"AssociatePublicIpAddress": truthy(v["associate_public_ip_address"]), "DeviceIndex": "0"}
        ]
    metadata = block(v.get("metadata_options"))
    if metadata:
        props["MetadataOptions"] = pick(
            metadata, {"http_tokens": "HttpTokens", "http_endpoint": "HttpEndpoint"}
        )
    from wasp.iac.terraform.mappings.iam_launch import block_devices  # here: keeps the import block as it was

    devices = block_devices(v)
    if devices:
        props["BlockDeviceMappings"] = devices
    props["Tags"] = tags(v.get("tags"))
    return props


def launch_template(v: Values) -> Props:
    """``aws_launch_template`` as ``AWS::EC2::LaunchTemplate``."""
    data: Props = pick(
        v, {"image_id": "ImageId", "key_name": "KeyName", "user_data": "UserData"}
    )  # base64 in both
    metadata = block(v.get("metadata_options"))
    if metadata:
        data["MetadataOptions"] = pick(
            metadata,
            {
                "http_tokens": "HttpTokens",
                "http_endpoint": "HttpEndpoint",
                "http_put_response_hop_limit": "HttpPutResponseHopLimit",
            },
        )
    nics = blocks(v.get("network_interfaces"))
    if nics:
        data["NetworkInterfaces"] = [
            {
                **pick(n, {"device_index": "DeviceIndex"}),
                "AssociatePublicIpAddress": truthy(n.get("associate_public_ip_address", False)),
            }
            for n in nics
        ]
    return {**pick(v, {"name": "LaunchTemplateName"}), "LaunchTemplateData": data}


def function(v: Values) -> Props:
    """``aws_lambda_function`` as ``AWS::Lambda::Function``."""
    props = pick(
        v,
        {
            "function_name": "FunctionName",
            "role": "Role",
            "runtime": "Runtime",
            "kms_key_arn": "KmsKeyArn",
            "code_signing_config_arn": "CodeSigningConfigArn",
        },
    )
    env = block(v.get("environment"))
    if env:
        props["Environment"] = {"Variables": env.get("variables") or {}}
    return {**props, "Tags": tags(v.get("tags"))}


def _container(c: Any) -> Any:
    """A container definition's top-level keys as CloudFormation spells them (``readonlyRootFilesystem`` ->
    ``ReadonlyRootFilesystem``); nested values keep the API's spelling, which the readers accept too."""
    if not isinstance(c, dict):
        return c
    return {(k[:1].upper() + k[1:]) if isinstance(k, str) else k: val for k, val in c.items()}


def _task_volume(vol: Values) -> Props:
    out = pick(vol, {"name": "Name"})
    efs = block(vol.get("efs_volume_configuration"))
    if efs:
        out["EFSVolumeConfiguration"] = pick(
            efs, {"file_system_id": "FilesystemId", "transit_encryption": "TransitEncryption"}
        )
    return out


def task_definition(v: Values) -> Props:
    """``aws_ecs_task_definition`` as ``AWS::ECS::TaskDefinition``."""
    containers = document(v.get("container_definitions"))
    if isinstance(containers, list):
        containers = [_container(c) for c in containers]
    return {
        **pick(
            v,
            {
                "family": "Family",
                "task_role_arn": "TaskRoleArn",
                "execution_role_arn": "ExecutionRoleArn",
                "pid_mode": "PidMode",
                "network_mode": "NetworkMode",
            },
        ),
        "ContainerDefinitions": containers if containers is not None else [],
        "Volumes": [_task_volume(vol) for vol in blocks(v.get("volume"))],
    }


def ebs_volume(v: Values) -> Props:
    """aws_ebs_volume -> AWS::EC2::Volume."""
    return {
        **pick(v, {"encrypted": "Encrypted", "size": "Size", "kms_key_id": "KmsKeyId"}),
        "Tags": tags(v.get("tags")),
    }


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_instance": ("AWS::EC2::Instance", instance),
    "aws_launch_template": ("AWS::EC2::LaunchTemplate", launch_template),
    "aws_ebs_volume": ("AWS::EC2::Volume", ebs_volume),
    "aws_lambda_function": ("AWS::Lambda::Function", function),
    "aws_ecs_task_definition": ("AWS::ECS::TaskDefinition", task_definition),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
