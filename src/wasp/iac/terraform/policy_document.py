"""``data "aws_iam_policy_document"`` evaluated to the policy it renders, so rules read real statements.

What cannot be known stays as small as it is: an unknown identifier, resource or condition value is an
:class:`wasp.model.Unresolved` leaf of its statement, not of the whole document, so a literal ``Allow *`` beside
it is still read. A ``dynamic "statement"`` over an unknown collection, or a ``source_policy_documents`` /
``override_policy_documents`` entry that is unknown, becomes one statement whose every part is unknown (it may
allow or deny anything). ``source_policy_documents`` and ``override_policy_documents`` merge by ``Sid`` as
Terraform does: the data source's own statements replace source statements with the same ``Sid``, override
statements replace any with the same ``Sid`` and are appended otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wasp.iac.terraform.shapes import blocks, items
from wasp.model import Unresolved


def _one_or_list(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def unknown_statement(reason: Unresolved) -> dict[str, Any]:
    """A statement of which nothing is known: it may allow or deny anything, to anyone."""
    return {"Effect": reason, "Action": reason, "Resource": reason, "Principal": reason}


def with_unknown_statements(value: Any) -> Any:
    """A policy document whose ``Statement`` list holds an unknown element, with that element as a statement
    of which nothing is known (rules read statements as objects: a bare unknown would be passed over).
    Anything else is returned as it is."""
    if not isinstance(value, dict):
        return value
    listed = value.get("Statement")
    if isinstance(listed, list) and any(isinstance(s, Unresolved) for s in listed):
        value = {
            **value,
            "Statement": [unknown_statement(s) if isinstance(s, Unresolved) else s for s in listed],
        }
    return value


def _principals(value: Any) -> Any:
    if isinstance(value, Unresolved):
        return value
    found: dict[str, list[Any]] = {}
    for p in blocks(value):
        if "__unknown__" in p:
            return p["__unknown__"]
        kind = p.get("type", "AWS")
        if isinstance(kind, Unresolved):
            return kind
        found.setdefault(str(kind), []).extend(items(p.get("identifiers")))
    if not found:
        return None
    if list(found) == ["*"] or found.get("*") == ["*"]:
        return "*"
    return {k: _one_or_list(v) for k, v in found.items()}


def _conditions(value: Any) -> Any:
    if isinstance(value, Unresolved):
        return value
    conditions: dict[str, dict[str, Any]] = {}
    for c in blocks(value):
        if "__unknown__" in c:
            return c["__unknown__"]
        test, variable = c.get("test"), c.get("variable")
        if isinstance(test, Unresolved) or isinstance(variable, Unresolved):
            return test if isinstance(test, Unresolved) else variable
        conditions.setdefault(str(test), {})[str(variable)] = _one_or_list(items(c.get("values")))
    return conditions or None


def _statement(s: Mapping[str, Any]) -> dict[str, Any]:
    if "__unknown__" in s:  # a dynamic "statement" block over an unknown collection
        return unknown_statement(s["__unknown__"])
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
    condition = _conditions(s.get("condition"))
    if condition is not None:
        out["Condition"] = condition
    return out


def _document_statements(document: Any) -> list[Any]:
    """The statements of one source or override document (a rendered object, a JSON string or unknown)."""
    if isinstance(document, str):
        try:
            document = json.loads(document)
        except ValueError:
            return [unknown_statement(Unresolved("a source policy document is not valid JSON"))]
    if isinstance(document, Unresolved):
        return [unknown_statement(document)]
    if not isinstance(document, Mapping):
        return []
    raw = document.get("Statement")
    if isinstance(raw, Unresolved):
        return [unknown_statement(raw)]
    listed = raw if isinstance(raw, list) else [] if raw is None else [raw]
    return [
        s
        if isinstance(s, Mapping)
        else unknown_statement(
            s if isinstance(s, Unresolved) else Unresolved("a statement that is not an object")
        )
        for s in listed
    ]


def _merge(base: list[Any], layer: list[Any]) -> list[Any]:
    """``layer`` over ``base``: a statement with a Sid replaces the one with that Sid; others are appended."""
    out = list(base)
    for st in layer:
        sid = st.get("Sid") if isinstance(st, Mapping) else None
        at = next(
            (i for i, b in enumerate(out) if isinstance(sid, str) and sid and b.get("Sid") == sid), None
        )
        if at is None:
            out.append(st)
        else:
            out[at] = st
    return out


def _unknown_if_replaceable(statements: list[Any], why: Unresolved) -> list[Any]:
    """An unknown override may replace any statement with a Sid: those become unknown too."""
    return [unknown_statement(why) if isinstance(s.get("Sid"), str | Unresolved) else s for s in statements]


def policy_document(values: Mapping[str, Any]) -> dict[str, Any]:
    """The policy document a data source's ``statement`` blocks (and source/override documents) describe."""
    statement = values.get("statement")
    own = (
        [unknown_statement(statement)]
        if isinstance(statement, Unresolved)
        else [_statement(s) for s in blocks(statement)]
    )
    merged: list[Any] = []
    for document in items(values.get("source_policy_documents")):
        merged += _document_statements(document)
    merged = _merge(merged, own)
    for document in items(values.get("override_policy_documents")):
        layer = _document_statements(document)
        if isinstance(document, Unresolved):
            merged = _unknown_if_replaceable(merged, document)
        merged = _merge(merged, layer)
    out: dict[str, Any] = {"Version": values.get("version", "2012-10-17")}
    if values.get("policy_id"):
        out["Id"] = values["policy_id"]
    out["Statement"] = merged
    return out
