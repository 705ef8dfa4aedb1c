"""Systems Manager ``aws_*`` types in CloudFormation shape: parameters and documents."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, blocks, document, pick, tags
from wasp.model import SUPPLEMENTARY, Unresolved


def parameter(v: Values) -> Props:
    """``aws_ssm_parameter`` as ``AWS::SSM::Parameter``; the key (no CloudFormation property) as the live
    collector records it. The value is kept for the plain-text secret check only (``value`` or ``insecure_value``)."""
    props = pick(v, {"name": "Name", "type": "Type", "tier": "Tier", "data_type": "DataType"})
    value = v.get("value", v.get("insecure_value"))
    if value is not None:
        props["Value"] = value
    if v.get("key_id") not in (None, ""):
        props[SUPPLEMENTARY] = {"KeyId": v["key_id"]}
    return {**props, "Tags": tags(v.get("tags"))}


def _shared_with(v: Values) -> Any:
    """Accounts a document is shared with, from its ``permissions`` block (``account_ids`` is comma-separated)."""
    accounts: list[Any] = []
    for p in blocks(v.get("permissions")):
        ids = p.get("account_ids")
        if isinstance(ids, Unresolved):
            return ids
        if str(p.get("type", "Share")).lower() == "share" and ids:
            accounts += [a.strip() for a in str(ids).split(",") if a.strip()]
    return accounts


def ssm_document(v: Values) -> Props:
    """``aws_ssm_document`` as ``AWS::SSM::Document``; JSON content as an object (YAML stays text: unknown)."""
    props = pick(v, {"name": "Name", "document_type": "DocumentType", "document_format": "DocumentFormat"})
    props["Content"] = document(v.get("content"))
    props[SUPPLEMENTARY] = {"SharedWith": _shared_with(v)}
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_ssm_parameter": ("AWS::SSM::Parameter", parameter),
    "aws_ssm_document": ("AWS::SSM::Document", ssm_document),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
