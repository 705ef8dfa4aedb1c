"""Auto Scaling launch configurations in CloudFormation shape (``aws_launch_configuration``)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, blocks, pick, truthy


def block_devices(v: Values) -> list[dict[str, Any]]:
    """``root_block_device`` and ``ebs_block_device`` blocks as CloudFormation ``BlockDeviceMappings``.

    An unset ``encrypted`` stays unset: the volume is then encrypted only if the account encrypts by default.
    """
    out: list[dict[str, Any]] = []
    for kind, device in [("root", b) for b in blocks(v.get("root_block_device"))] + [
        ("ebs", b) for b in blocks(v.get("ebs_block_device"))
    ]:
        ebs = pick(
            device, {"volume_size": "VolumeSize", "volume_type": "VolumeType", "kms_key_id": "KmsKeyId"}
        )
        if device.get("encrypted") is not None:
            ebs["Encrypted"] = truthy(device["encrypted"])
        out.append(
            {"DeviceName": device.get("device_name", "(root)" if kind == "root" else None), "Ebs": ebs}
        )
    return out


def metadata_options(v: Values) -> Props:
    """``metadata_options`` as ``MetadataOptions`` (HttpTokens, HttpEndpoint, HttpPutResponseHopLimit)."""
    return pick(
        block(v.get("metadata_options")),
        {
            "http_tokens": "HttpTokens",
            "http_endpoint": "HttpEndpoint",
            "http_put_response_hop_limit": "HttpPutResponseHopLimit",
        },
    )


def launch_configuration(v: Values) -> Props:
    """``aws_launch_configuration`` as ``AWS::AutoScaling::LaunchConfiguration``."""
    props = pick(
        v,
        {
            "name": "LaunchConfigurationName",
            "image_id": "ImageId",
            "instance_type": "InstanceType",
            "key_name": "KeyName",
            "iam_instance_profile": "IamInstanceProfile",
        },
    )
    if v.get("associate_public_ip_address") is not None:
        props["AssociatePublicIpAddress"] = truthy(v["associate_public_ip_address"])
    if isinstance(v.get("user_data"), str):
        props["UserData"] = base64.b64encode(v["user_data"].encode()).decode()
    elif v.get("user_data_base64") is not None:
        props["UserData"] = v["user_data_base64"]
    devices = block_devices(v)
    if devices:
        props["BlockDeviceMappings"] = devices
    metadata = metadata_options(v)
    if metadata:
        props["MetadataOptions"] = metadata
    return props


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_launch_configuration": ("AWS::AutoScaling::LaunchConfiguration", launch_configuration),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
