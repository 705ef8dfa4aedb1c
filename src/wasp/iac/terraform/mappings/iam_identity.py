"""IAM identity ``aws_*`` types in CloudFormation shape: access keys."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values


def access_key(v: Values) -> Props:
    """``aws_iam_access_key`` as ``AWS::IAM::AccessKey`` (``status`` defaults to Active, as in AWS)."""
    return {"UserName": v.get("user"), "Status": v.get("status") or "Active"}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_iam_access_key": ("AWS::IAM::AccessKey", access_key),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
