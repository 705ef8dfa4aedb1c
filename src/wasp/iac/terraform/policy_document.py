"""``data "aws_iam_policy_document"`` evaluated to the policy it renders, so rules read real statements."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.iac.terraform.shapes import blocks, items


def _one_or_list(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def _principals(value: Any) -> dict[str, Any] | None:
    found: dict[str, list[Any]] = {}
    for p in blocks(value):
        kind = str(p.get("type", "AWS"))
        found.setdefault(kind, []).extend(items(p.get("identifiers")))
    if not found:
        return None
    if list(found) == ["*"] or found.get("*") == ["*"]:
        return "*"  # type: ignore[return-value]
    return {k: _one_or_list(v) for k, v in found.items()}


def _statement(s: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"Effect": s.get("effect", "Allow")}
    if s.get("sid"):
        out["Sid"] = s["sid"]
    for tf, key in (
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ):
        if s.get(tf) is not None:
            out[key] = _one_or_list(items(s[tf]))
    for tf, key in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
        principal = _principals(s.get(tf))
        if principal is not None:
            out[key] = principal
    conditions: dict[str, dict[str, Any]] = {}
    for c in blocks(s.get("condition")):
        conditions.setdefault(str(c.get("test")), {})[str(c.get("variable"))] = _one_or_list(
            items(c.get("values"))
        )
    if conditions:
        out["Condition"] = conditions
    return out


def policy_document(values: Mapping[str, Any]) -> dict[str, Any]:
    """The policy document a data source's ``statement`` blocks describe."""
    return {
        "Version": values.get("version", "2012-10-17"),
        "Statement": [_statement(s) for s in blocks(values.get("statement"))],
    }
