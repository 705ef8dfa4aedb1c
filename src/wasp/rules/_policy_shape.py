"""The shape of an IAM policy document: every malformed part stands out as unknown, never as "grants nothing".

A policy written ``"not a document"``, a ``Statement: 42``, a statement that is a string, ``Action: {a: 1}`` or
``Effect: allow`` is not what IAM reads as a policy, and a reader that skipped it would find nothing wrong and
pass. :func:`checked` returns the document with each malformed part replaced by a :class:`Malformed` marker (an
:class:`wasp.model.Unresolved` that names the part, the type it has and what was expected), so every reader that
already weighs unknown parts (an Allow with an unknown part is undecided, a Deny with one may deny anything)
weighs malformed parts the same way, and a definite failure in the well-formed statements still stands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wasp.model import Unresolved
from wasp.model.rule import UnresolvedRead, contains_unresolved
from wasp.rules._shape import kind

_ACTION = re.compile(r"^(?=.*[:*?])[A-Za-z0-9*?:_.-]+$")
"""An action or action pattern: ``service:Action``, ``*``, ``s3:Get*`` (a bare word is not one)."""
_PRINCIPAL_KINDS = frozenset({"AWS", "Service", "Federated", "CanonicalUser"})
_VERSIONS = frozenset({"2012-10-17", "2008-10-17"})


@dataclass(frozen=True)
class Malformed(Unresolved):
    """A part of a policy that is not of the type IAM expects there (the reason says which and why)."""


class MalformedPolicy(UnresolvedRead):
    """Raised by strict readers (:func:`wasp.rules._policy.statements`) on a malformed part: the verdict is unknown."""

    def __init__(self, marker: Unresolved) -> None:
        Exception.__init__(self, marker.reason)
        self.path = "policy"
        self.value = marker


def _bad(where: str, value: Any, expected: str) -> Malformed:
    return Malformed(f"{where} is {kind(value)}; expected {expected}")


def _strings(where: str, value: Any, valid: Any, expected: str) -> Any:
    """A string or a list of strings, each accepted by ``valid``; a Malformed marker otherwise."""
    items = value if isinstance(value, list) else [value]
    if isinstance(value, list) and not value:
        return _bad(where, value, expected)
    for item in items:
        if isinstance(item, Unresolved):
            continue
        if not isinstance(item, str) or not valid(item):
            return (
                _bad(where, item, expected)
                if not isinstance(item, str)
                else Malformed(f"{where} holds a string that is not {expected}")
            )
    return value


def _principal(where: str, value: Any) -> Any:
    if value == "*" or isinstance(value, Unresolved):
        return value
    expected = 'a principal ("*" or a mapping of AWS, Service, Federated or CanonicalUser to strings)'
    if not isinstance(value, Mapping) or not value:
        return _bad(where, value, expected)
    for key, item in value.items():
        if isinstance(item, Unresolved):
            continue
        if key not in _PRINCIPAL_KINDS:
            return Malformed(f"{where} names an unknown kind of principal; expected {expected}")
        checked = _strings(f"{where}.{key}", item, lambda s: s != "", "a principal string or list of them")
        if isinstance(checked, Malformed):
            return checked
    return value


def _condition(where: str, value: Any) -> Any:
    expected = "a mapping of operators to mappings of keys and values"
    if isinstance(value, Unresolved):
        return value
    if not isinstance(value, Mapping):
        return _bad(where, value, expected)
    for block in value.values():
        if isinstance(block, Unresolved):
            continue
        if not isinstance(block, Mapping):
            return _bad(f"{where} block", block, expected)
        for item in block.values():
            for v in item if isinstance(item, list) else [item]:
                if not isinstance(v, (str, int, float, Unresolved)):
                    return _bad(f"{where} value", v, "a string, number or boolean (or a list of them)")
    return value


def _statement(where: str, st: Any) -> Any:
    """The statement with each malformed element replaced by a marker (the whole statement when not a mapping)."""
    if isinstance(st, Unresolved):
        return st
    if not isinstance(st, Mapping):
        return _bad(where, st, "a statement (a mapping with Effect and Action)")
    out = dict(st)
    effect = st.get("Effect")
    if not isinstance(effect, Unresolved) and effect not in ("Allow", "Deny"):
        out["Effect"] = (
            _bad(f"{where} Effect", effect, "Allow or Deny")
            if not isinstance(effect, str)
            else Malformed(f"{where} Effect is neither Allow nor Deny")
        )
    if "Action" not in st and "NotAction" not in st:
        out["Action"] = Malformed(f"{where} has neither Action nor NotAction")
    for key in ("Action", "NotAction"):
        if key in st:
            out[key] = _strings(f"{where} {key}", st[key], _ACTION.match, "an action (service:Action) or *")
    for key in ("Resource", "NotResource"):
        if key in st:
            out[key] = _strings(
                f"{where} {key}", st[key], lambda s: s == "*" or s.startswith("arn:"), "an ARN or *"
            )
    for key in ("Principal", "NotPrincipal"):
        if key in st:
            out[key] = _principal(f"{where} {key}", st[key])
    if "Condition" in st:
        out["Condition"] = _condition(f"{where} Condition", st["Condition"])
    return out


def checked(document: Any, where: str = "the policy") -> Any:
    """``document`` (a mapping or a JSON string) as a mapping whose malformed parts are :class:`Malformed`
    markers, or one marker when the document as a whole is malformed; None and unknown values are returned as
    they are (absent, or unknown for another reason)."""
    if document is None or isinstance(document, Unresolved):
        return document
    expected = "a policy document (a mapping with Statement, or its JSON text)"
    if isinstance(document, str):
        try:
            parsed = json.loads(document)
        except ValueError:
            return Malformed(f"{where} is a string that is not JSON; expected {expected}")
        if not isinstance(parsed, Mapping):
            return _bad(f"{where} (parsed JSON)", parsed, expected)
        document = parsed
    if not isinstance(document, Mapping):
        return _bad(where, document, expected)
    version = document.get("Version")
    if version is not None and not isinstance(version, Unresolved) and version not in _VERSIONS:
        return Malformed(f"{where} Version is {kind(version)}, not 2012-10-17 or 2008-10-17")
    raw = document.get("Statement")
    if isinstance(raw, Unresolved):
        return dict(document)
    if raw is None:
        return Malformed(f"{where} has no Statement; expected {expected}")
    if isinstance(raw, Mapping):
        return {**document, "Statement": _statement(f"{where} statement 1", raw)}
    if not isinstance(raw, list):
        return _bad(f"{where} Statement", raw, "a statement or a list of statements")
    return {**document, "Statement": [_statement(f"{where} statement {i + 1}", s) for i, s in enumerate(raw)]}


def first_malformed(value: Any) -> Malformed | None:
    """The first malformed marker inside ``value`` (as :func:`checked` left them), if any."""
    if isinstance(value, Malformed):
        return value
    if isinstance(value, Mapping):
        items: Any = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        if contains_unresolved(item) is not None:
            found = first_malformed(item)
            if found is not None:
                return found
    return None


def well_formed(document: Any, where: str = "the policy") -> Any:
    """``document`` as :func:`checked` reads it; raises :class:`MalformedPolicy` (the verdict becomes unknown)
    when any part of it is malformed."""
    out = checked(document, where)
    bad = first_malformed(out)
    if bad is not None:
        raise MalformedPolicy(bad)
    return out


def listed_wrongly(where: str, value: Any) -> Malformed:
    """The marker for a policy list (``Policies``, ``ManagedPolicyArns``, ``Groups``) that is not a list."""
    return _bad(where, value, "a list")


def entry_wrongly(where: str, value: Any) -> Malformed:
    """The marker for an inline-policy entry that is not a mapping with PolicyName and PolicyDocument."""
    return _bad(where, value, "a mapping with PolicyName and PolicyDocument")


def inline_document(entry: Mapping[str, Any], index: int) -> Any:
    """The ``PolicyDocument`` of a CloudFormation-shaped inline policy entry; a marker when it has none."""
    document = entry.get("PolicyDocument")
    if document is None:
        return Malformed(f"Policies[{index}] has no PolicyDocument")
    return document


def not_an_arn(where: str, value: Any, expected: str = "a policy ARN") -> Malformed:
    """The marker for a policy reference (a managed policy ARN, a boundary, a group name) that is not a string."""
    return _bad(where, value, expected)
