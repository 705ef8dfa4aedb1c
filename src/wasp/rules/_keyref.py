"""A key setting that names another resource's attribute, known only once that resource is deployed."""

from __future__ import annotations

from typing import Any

from wasp.model import Unresolved
from wasp.model.rule import ResourceView
from wasp.rules._iam_refs import is_set

_AFTER = ("known only after deployment", "known only after apply")


def deployed_reference(value: Any) -> bool:
    """True for ``!GetAtt Key.Arn`` / ``aws_kms_key.x.arn``: unknown now, but certainly set once deployed."""
    return isinstance(value, Unresolved) and value.reason.endswith(_AFTER)


def key_setting(view: ResourceView, path: str) -> Any:
    """The key at ``path``: its value, True for a reference to a key created with the stack, or raises
    (UnresolvedRead) when it is unknown for any other reason (a parameter without a default, a denied read), or
    (WrongType) when it is not a string."""
    if deployed_reference(view.peek(path)):
        return True
    if not is_set(view, path, expected="a KMS key id, ARN or alias"):
        return None
    return view.get(path)
