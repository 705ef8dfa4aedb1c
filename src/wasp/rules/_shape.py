"""Values of the wrong type: a property a rule needs that is not the shape it must be makes the verdict unknown.

A template may say ``PointInTimeRecoverySpecification: "yes"`` or ``KmsKeyId: {a: 1}``; neither is what the
property means, so neither may pass, and a failure ("no point-in-time recovery") would claim something the
template did not say. :class:`WrongType` is raised instead: the engine reports it as an UNKNOWN verdict naming the
property, the type it has and the type expected. It is an :class:`UnresolvedRead`, so every rule and helper that
already weighs unknown reads (a definite failure elsewhere still stands) weighs it the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wasp.model import Unresolved
from wasp.model.rule import ResourceView, UnresolvedRead

_NUMBER_TEXT = frozenset("0123456789.-+eE")


def kind(value: Any) -> str:
    """The type of ``value`` in words, for messages (the value itself may be untrusted: never quoted)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "an empty string" if value == "" else "a string"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


def wrong_type_text(path: str, value: Any, expected: str) -> str:
    """The one-line description: ``X is a string; expected a mapping with Y``."""
    return f"{path} is {kind(value)}; expected {expected}"


class WrongType(UnresolvedRead):
    """A value the rule needs has the wrong type: the verdict is unknown, with a message saying so."""

    def __init__(self, path: str, value: Any, expected: str) -> None:
        text = wrong_type_text(path, value, expected)
        Exception.__init__(self, text)
        self.path = path
        self.value = Unresolved(text)


def malformed(text: str) -> Unresolved:
    """An unknown value standing for a malformed one (for readers that collect undecided parts)."""
    return Unresolved(text)


def is_boolean(value: Any) -> bool:
    """A boolean, or the string CloudFormation accepts for one ("true"/"false", any case)."""
    return isinstance(value, bool) or (isinstance(value, str) and value.lower() in ("true", "false"))


def is_number(value: Any) -> bool:
    """A number (not a boolean), or a string that is one (CloudFormation writes integers either way)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    if isinstance(value, str) and value.strip() and set(value.strip()) <= _NUMBER_TEXT:
        try:
            float(value)
        except ValueError:
            return False
        return True
    return False


def is_text(value: Any) -> bool:
    """A string."""
    return isinstance(value, str)


def read(view: ResourceView, path: str, default: Any = None) -> Any:
    """The value at the dotted ``path`` (``default`` when absent), like :meth:`ResourceView.get`, except that a
    parent on the way that is neither a mapping nor (for a numeric part) a list raises :class:`WrongType` naming
    it: ``A.B`` with ``A: "yes"`` is malformed, not absent."""
    check_parents(view, path)
    return view.get(path, default)


def check_parents(view: ResourceView, path: str) -> None:
    """Raise :class:`WrongType` when a parent of ``path`` is set to something that cannot hold the next part."""
    parts = path.split(".")
    node: Any = view.resource.properties
    for depth, part in enumerate(parts[:-1]):
        node = _child(node, part)
        if node is None or isinstance(node, Unresolved):
            return  # absent (the default applies) or unknown (view.get raises for it)
        following = parts[depth + 1]
        if isinstance(node, list) and following.isdigit():
            continue
        if isinstance(node, Mapping) and not following.isdigit():
            continue
        if isinstance(node, Mapping):
            raise WrongType(".".join(parts[: depth + 1]), node, "a list")
        raise WrongType(".".join(parts[: depth + 1]), node, f"a mapping with {following}")


def _child(node: Any, part: str) -> Any:
    if isinstance(node, Mapping):
        return node.get(part)
    if isinstance(node, list) and part.isdigit() and int(part) < len(node):
        return node[int(part)]
    return None


def _typed(view: ResourceView, path: str, default: Any, fits: Any, expected: str) -> Any:
    value = read(view, path)
    if value is None:
        return default
    if not fits(value):
        raise WrongType(path, value, expected)
    return value


def text(view: ResourceView, path: str, default: Any = None) -> Any:
    """The string at ``path`` (``default`` when absent); WrongType for any other type."""
    return _typed(view, path, default, is_text, "a string")


def flag(view: ResourceView, path: str, default: Any = None) -> Any:
    """The boolean at ``path`` as True/False ("true"/"false" strings accepted; ``default`` when absent)."""
    value = _typed(view, path, default, is_boolean, "a boolean (true or false)")
    return value.lower() == "true" if isinstance(value, str) else value


def number(view: ResourceView, path: str, default: Any = None) -> Any:
    """The number at ``path`` as a float (numeric strings accepted; ``default`` when absent)."""
    value = _typed(view, path, default, is_number, "a number")
    return float(value) if value is not None and value is not default else value


def items(view: ResourceView, path: str) -> list[Any]:
    """The list at ``path`` (empty when absent); WrongType for any other type."""
    return list(_typed(view, path, [], lambda v: isinstance(v, list), "a list"))


def block(view: ResourceView, path: str) -> Mapping[str, Any]:
    """The mapping at ``path`` (empty when absent); WrongType for any other type."""
    value: Mapping[str, Any] = _typed(view, path, {}, lambda v: isinstance(v, Mapping), "a mapping")
    return value


def entries(view: ResourceView, path: str) -> list[Mapping[str, Any]]:
    """The list of mappings at ``path`` (empty when absent); WrongType naming the first entry that is not one."""
    out = items(view, path)
    for i, entry in enumerate(out):
        if not isinstance(entry, Mapping):
            raise WrongType(f"{path}.{i}", entry, "a mapping")
    return out


def expect_type(where: str, value: Any, fits: Any, expected: str) -> Any:
    """``value`` itself (a value already read, e.g. an entry of a list): WrongType when ``fits`` refuses it;
    None is returned as it is (absent)."""
    if value is not None and not isinstance(value, Unresolved) and not fits(value):
        raise WrongType(where, value, expected)
    return value


def on(where: str, value: Any) -> bool:
    """Whether an already-read boolean setting is on (absent: False); WrongType for a value that is not a boolean
    (or its string form)."""
    expect_type(where, value, is_boolean, "a boolean (true or false)")
    return value is True or (isinstance(value, str) and value.lower() == "true")


def is_scalar(value: Any) -> bool:
    """A string, number or boolean (a setting's value in a Key/Value list)."""
    return isinstance(value, (str, int, float))


def malformed_fields(entry: Any, fields: Mapping[str, Any]) -> str | None:
    """What is malformed in one entry of a list of rules (a security group or NACL rule): the entry not being a
    mapping, or a field present with a type ``fields[name]`` refuses; None when its shape is sound."""
    if isinstance(entry, Unresolved):
        return None
    if not isinstance(entry, Mapping):
        return f"an entry is {kind(entry)}; expected a mapping"
    for name, fits in fields.items():
        value = entry.get(name)
        if value is not None and not isinstance(value, Unresolved) and not fits(value):
            return f"{name} of an entry is {kind(value)}"
    return None


def is_port(value: Any) -> bool:
    """A port number (or its string form; -1 for all)."""
    return is_number(value) and float(value) == int(float(value))


SG_RULE_FIELDS: dict[str, Any] = {
    "CidrIp": is_text,
    "CidrIpv6": is_text,
    "IpProtocol": lambda v: is_text(v) or is_number(v),
    "FromPort": is_port,
    "ToPort": is_port,
}
"""The types of a security group rule's fields."""


NACL_ENTRY_FIELDS: dict[str, Any] = {
    "CidrBlock": is_text,
    "Ipv6CidrBlock": is_text,
    "Protocol": lambda v: is_text(v) or is_number(v),
    "RuleAction": is_text,
    "RuleNumber": is_port,
    "Egress": is_boolean,
    "PortRange": lambda v: (
        isinstance(v, Mapping)
        and all(p is None or isinstance(p, Unresolved) or is_port(p) for p in (v.get("From"), v.get("To")))
    ),
}
"""The types of a network ACL entry's fields."""


def sound_entries(view: ResourceView, path: str, fields: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The list of rule entries at ``path`` (empty when absent); WrongType when the list or any entry (or one of
    its ``fields``) is malformed: a malformed rule may open anything, so the verdict is unknown."""
    out = items(view, path)
    for i, entry in enumerate(out):
        problem = malformed_fields(entry, fields)
        if problem is not None:
            raise WrongType(f"{path}.{i}", entry, f"a well-formed rule ({problem})")
    return out


def judge_list(view: ResourceView, path: str) -> list[str]:
    """The list of strings at ``path`` (empty when absent); WrongType for another type or a non-string entry."""
    out = items(view, path)
    for i, entry in enumerate(out):
        if not isinstance(entry, str):
            raise WrongType(f"{path}.{i}", entry, "a string")
    return out
