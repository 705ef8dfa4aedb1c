"""Legacy and adopted network resources: the default VPC taken under management, EC2-Classic security groups,
and AMI launch permissions (Terraform-only, as ``WASP::`` types where CloudFormation has none)."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, blocks, pick, tags


def default_vpc(v: Values) -> Props:
    """``aws_default_vpc`` as ``WASP::EC2::DefaultVPC``: the Region's default VPC adopted into the configuration."""
    return {**pick(v, {"force_destroy": "ForceDestroy"}), "Tags": tags(v.get("tags"))}


def db_security_group(v: Values) -> Props:
    """``aws_db_security_group`` as ``AWS::RDS::DBSecurityGroup`` (EC2-Classic)."""
    ingress = [
        pick(i, {"cidr": "CIDRIP", "security_group_name": "EC2SecurityGroupName"})
        for i in blocks(v.get("ingress"))
    ]
    return {
        **pick(v, {"description": "GroupDescription"}),
        "DBSecurityGroupIngress": ingress,
        "Tags": tags(v.get("tags")),
    }


def elasticache_security_group(v: Values) -> Props:
    """``aws_elasticache_security_group`` as ``AWS::ElastiCache::SecurityGroup`` (EC2-Classic)."""
    return pick(v, {"description": "Description"})


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
    "aws_default_vpc": ("WASP::EC2::DefaultVPC", default_vpc),
    "aws_db_security_group": ("AWS::RDS::DBSecurityGroup", db_security_group),
    "aws_elasticache_security_group": ("AWS::ElastiCache::SecurityGroup", elasticache_security_group),
    "aws_ami_launch_permission": ("WASP::EC2::ImageLaunchPermission", launch_permission),
}
"""Terraform type -> (type, properties from the Terraform values)."""
