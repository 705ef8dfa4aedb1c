"""AMI launch permissions and ``data "aws_ami"`` lookups (Terraform-only: CloudFormation has neither), as
``WASP::`` types."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, blocks, items, pick


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


def image_lookup(v: Values) -> Props:
    """``data "aws_ami"`` as ``WASP::EC2::ImageLookup``: its owners and the filters it selects by."""
    filters = [{"Name": f.get("name"), "Values": items(f.get("values"))} for f in blocks(v.get("filter"))]
    props = pick(v, {"most_recent": "MostRecent", "name_regex": "NameRegex"})
    return {**props, "Owners": items(v.get("owners")), "Filters": filters}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_ami_launch_permission": ("WASP::EC2::ImageLaunchPermission", launch_permission),
    "data.aws_ami": ("WASP::EC2::ImageLookup", image_lookup),
}
"""Terraform type -> (type, properties from the Terraform values)."""
