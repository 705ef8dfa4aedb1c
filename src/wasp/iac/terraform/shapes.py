"""Small helpers for turning Terraform attribute values into CloudFormation property shapes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wasp.model import Unresolved

Props = dict[str, Any]
"""CloudFormation properties being built."""
Values = Mapping[str, Any]
"""A Terraform resource's attribute values."""


def block(value: Any) -> dict[str, Any]:
    """The first object of a nested block (Terraform gives blocks as lists); {} when absent."""
    if isinstance(value, list):
        value = value[0] if value else {}
    return dict(value) if isinstance(value, Mapping) else {}


def blocks(value: Any) -> list[dict[str, Any]]:
    """Every object of a repeated nested block."""
    if isinstance(value, Mapping):
        return [dict(value)]
    return [dict(v) for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def items(value: Any) -> list[Any]:
    """A list attribute as a list; an unknown list stays one unknown item, so readers see it."""
    if isinstance(value, Unresolved):
        return [value]
    if isinstance(value, list | tuple | set):
        return list(value)
    return [] if value is None else [value]


def tags(value: Any) -> list[dict[str, Any]]:
    """A Terraform tags map as CloudFormation's list of Key/Value."""
    if isinstance(value, Mapping):
        return [{"Key": str(k), "Value": v} for k, v in value.items()]
    return []


def document(value: Any) -> Any:
    """A policy given as a JSON string (``jsonencode``, a heredoc, a data source) as an object."""
    if isinstance(value, str) and value.strip().startswith(("{", "[")):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return Unresolved("the policy is not valid JSON")
    return value


def pick(values: Mapping[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
    """Rename the Terraform attributes that are set to their CloudFormation names (plan JSON writes "" for unset)."""
    return {cfn: values[tf] for tf, cfn in names.items() if values.get(tf) not in (None, "")}


def truthy(value: Any) -> Any:
    """Booleans as booleans (Terraform strings "true"/"false" included); unknowns pass through."""
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value
