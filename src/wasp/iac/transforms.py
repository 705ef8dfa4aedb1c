"""CloudFormation transforms and macros: what they change is known only at deploy time, so it reads as unknown.

* ``Fn::Transform`` inside a resource (``AWS::Include`` of a snippet in S3, or a macro) adds or replaces
  properties: the mapping it sits in keeps the properties written beside it and is marked *open*
  (:data:`wasp.model.rule.OPEN`): a rule reading a property that is not written there gets an unknown value,
  never "absent", so it answers unknown instead of failing.
* A template-level ``Transform`` naming a macro (anything but the ``AWS::`` transforms) may rewrite any resource:
  every resource of that template is opaque (all of its properties unknown), and one warning says so.
* ``Fn::ForEach::…`` (``AWS::LanguageExtensions``) in ``Resources`` is expanded when the template decides its
  collection (a literal list, or a parameter's value or default): each resource it makes is scanned at the loop's
  line (:func:`expand_for_each`). A loop over a collection known only at deploy time, and an ``Fn::Transform`` entry
  in ``Resources``, make resources only deployment knows: they are not scanned, and one warning names each.

The ``AWS::`` transforms are read as written: ``AWS::Serverless`` is mapped (:mod:`wasp.iac.sam`), and the
others (``AWS::LanguageExtensions``, ``AWS::SecretsManager``, ``AWS::CodeDeployBlueGreen``) add resources or
functions without rewriting the properties written in the template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from wasp.iac.decode import Located
from wasp.limits import Budget
from wasp.model import Unresolved
from wasp.model.rule import OPEN

PROCESSED = "scan the processed template (aws cloudformation get-template --template-stage Processed)"


def transform_name(arg: Any) -> str:
    """The ``Name`` of an ``Fn::Transform`` (``AWS::Include`` or a macro), or a stand-in."""
    name = arg.get("Name") if isinstance(arg, Mapping) else None
    return name if isinstance(name, str) and len(name) <= 128 else "a transform"


def opened(written: dict[str, Any], arg: Any) -> dict[str, Any]:
    """The properties written beside an ``Fn::Transform``, marked open: others are known only at deploy time."""
    name = transform_name(arg)
    what = "an included snippet" if name == "AWS::Include" else f"the {name} macro"
    written[OPEN] = Unresolved(f"Fn::Transform {name}: {what} adds properties at deploy time")
    return written


def as_properties(value: Any) -> dict[str, Any]:
    """A resource's resolved ``Properties``: a mapping as it is; one known only at deploy time (a whole
    ``Fn::Transform`` or an ``Fn::If`` on an unresolved condition) is opaque, never empty."""
    if isinstance(value, dict):
        return value
    if isinstance(value, Unresolved):
        return {OPEN: value}
    return {}


def template_macros(doc: Mapping[str, Any]) -> list[str]:
    """The macros a template-level ``Transform`` names (the ``AWS::`` transforms are not macros)."""
    raw = doc.get("Transform")
    names = raw if isinstance(raw, list) else [raw] if raw is not None else []
    out = []
    for item in names:
        name = item.get("Name") if isinstance(item, Mapping) else item  # ``{Name: Macro, Parameters: ...}``
        if not isinstance(name, str) or not name.startswith("AWS::"):
            out.append(name if isinstance(name, str) and len(name) <= 128 else "a macro")
    return out


def macro_opaque(macros: list[str]) -> dict[str, Any]:
    """The properties of a resource in a template a macro processes: all unknown."""
    return {OPEN: Unresolved(f"the template's Transform {', '.join(macros)} may rewrite it at deploy time")}


def macro_warning(where: str, macros: list[str]) -> str:
    """The one warning for a template a macro processes."""
    return (
        f"{where}: Transform {', '.join(macros)} is a macro that may rewrite any resource: its resources are "
        f"reported unknown; {PROCESSED}"
    )


def generated_entry(key: str) -> bool:
    """True for a ``Resources`` entry that generates resources at deploy time instead of being one."""
    return key == "Fn::Transform" or key.startswith("Fn::ForEach::")


def generated_warning(where: str, key: str) -> str:
    """The warning for a ``Resources`` entry that generates resources (they are not scanned)."""
    what = "AWS::Include or a macro" if key == "Fn::Transform" else "Fn::ForEach (AWS::LanguageExtensions)"
    label = key if len(key) <= 140 else key[:140]
    return f"{where}: {label}: the resources {what} makes are known only at deploy time and are not scanned; {PROCESSED}"


FOR_EACH = "Fn::ForEach::"
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")


def _substitute(value: Any, name: str, item: str) -> Any:
    """One iteration's copy of a loop body: ``Ref: name`` becomes the item, ``${name}`` and ``&{name}`` (the item
    without its non-alphanumeric characters) are replaced in keys and strings."""
    if isinstance(value, str):
        return value.replace("${" + name + "}", item).replace("&{" + name + "}", _NOT_ALNUM.sub("", item))
    if isinstance(value, list):
        return [_substitute(v, name, item) for v in value]
    if isinstance(value, Mapping):
        if len(value) == 1 and value.get("Ref") == name:
            return item
        return {_substitute(str(k), name, item): _substitute(v, name, item) for k, v in value.items()}
    return value


def _loop(node: Any, resolve: Callable[[Any], Any], budget: Budget) -> dict[str, Any] | None:
    """The resources one ``Fn::ForEach`` makes, or None when the template does not decide them."""
    if not (
        isinstance(node, list)
        and len(node) == 3
        and isinstance(node[0], str)
        and isinstance(node[2], Mapping)
    ):
        return None
    name, collection, body = node
    items = resolve(collection)
    if isinstance(items, str):  # a CommaDelimitedList parameter's value or default
        items = [part.strip() for part in items.split(",")]
    if not isinstance(items, list) or not all(
        isinstance(i, str | int) and not isinstance(i, bool) for i in items
    ):
        return None
    nodes, chars = budget.size(dict(body))
    budget.charge(nodes * len(items), chars * len(items))  # before copying: nested loops multiply
    out: dict[str, Any] = {}
    for item in (str(i) for i in items):
        for key, value in body.items():
            copy = _substitute(value, name, item)
            if str(key).startswith(FOR_EACH):  # a nested loop
                inner = _loop(copy, resolve, budget)
                if inner is None:
                    return None
                out.update(inner)
            else:
                out[_substitute(str(key), name, item)] = copy
    return out


def expand_for_each(resources: Mapping[str, Any], resolve: Callable[[Any], Any], budget: Budget) -> Located:
    """``Resources`` with each ``Fn::ForEach::…`` the template decides replaced by the resources it makes (at the
    loop's line; a logical id already taken keeps its first resource). Loops it cannot decide stay as they are."""
    lines: Mapping[str, int] = getattr(resources, "lines", {})
    out = Located()
    made: dict[str, int | None] = {}
    for key, node in resources.items():
        expanded = _loop(node, resolve, budget) if str(key).startswith(FOR_EACH) else None
        if expanded is None:
            out[key] = node
            if key in lines:
                out.lines[key] = lines[key]
            continue
        for logical_id, resource in expanded.items():
            made.setdefault(logical_id, lines.get(key))
            out.setdefault(logical_id, resource)
    for logical_id, line in made.items():
        if line is not None and logical_id not in out.lines:
            out.lines[logical_id] = line
    return out
