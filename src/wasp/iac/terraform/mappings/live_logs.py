"""CloudWatch Logs ``aws_*`` types in CloudFormation shape."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, pick, tags


def log_group(v: Values) -> Props:
    """``aws_cloudwatch_log_group`` as ``AWS::Logs::LogGroup`` (retention 0 is Terraform's 'never expire')."""
    props = pick(
        v,
        {
            "name": "LogGroupName",
            "kms_key_id": "KmsKeyId",
            "retention_in_days": "RetentionInDays",
            "log_group_class": "LogGroupClass",
        },
    )
    if v.get("retention_in_days") == 0:
        props["RetentionInDays"] = 0
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_cloudwatch_log_group": ("AWS::Logs::LogGroup", log_group),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
