"""AMI launch permissions (Terraform-only: CloudFormation has no resource for them), as a ``WASP::`` type."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, pick


def launch_permission(v: Values) -> Props:
    """``aws_ami_launch_permission`` as ``WASP::EC2::ImageLaunchPermission``."""
    return pick(
        v,
        {
            "image_id": "ImageId",
            "account_id": "AccountId",
            "group": "Group",
            "organization_arn": "OrganizationArn",
            "organizational_unit_arn": "OrganizationalUnitArn",
        },
    )


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_ami_launch_permission": ("WASP::EC2::ImageLaunchPermission", launch_permission),
}
"""Terraform type -> (type, properties from the Terraform values)."""
