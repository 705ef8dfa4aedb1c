"""Global Accelerator accelerators as ``AWS::GlobalAccelerator::Accelerator``, with the flow-log settings only
Terraform can write (``attributes``), kept as ``FlowLogs``."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, pick, tags, truthy


def accelerator(v: Values) -> Props:
    """``aws_globalaccelerator_accelerator`` (its ``attributes`` block as ``FlowLogs``)."""
    props = pick(v, {"name": "Name", "enabled": "Enabled", "ip_address_type": "IpAddressType"})
    attributes = block(v.get("attributes"))
    props["FlowLogs"] = {
        "Enabled": truthy(attributes.get("flow_logs_enabled", False)),
        **pick(attributes, {"flow_logs_s3_bucket": "S3Bucket", "flow_logs_s3_prefix": "S3Prefix"}),
    }
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_globalaccelerator_accelerator": ("AWS::GlobalAccelerator::Accelerator", accelerator),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
