"""The review document's TypedDicts and the wasp.review/1 JSON Schema agree, object for object, so neither drifts.

The walk starts at ReviewDoc and the schema's top level and follows every property into nested objects (arrays,
$refs, oneOf, optional values): each object's keys, required keys and value kinds must match its TypedDict, and
every object the schema declares properties for must have been reached, i.e. have a TypedDict.
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin, get_type_hints, is_typeddict

import pytest

from wasp.report.doc_types import ReviewDoc
from wasp.schemas import schema

REVIEW = schema("review")


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    assert ref.startswith("#/$defs/"), ref
    found: dict[str, Any] = REVIEW["$defs"][ref.removeprefix("#/$defs/")]
    return found


def _schema_kinds(node: dict[str, Any]) -> set[str]:
    node = _resolve(node)
    if "oneOf" in node:
        return set().union(*(_schema_kinds(n) for n in node["oneOf"]))
    if "const" in node:
        return {"string"}
    if "enum" in node:
        return {"null" if v is None else "string" for v in node["enum"]}
    kind = node.get("type", "any")
    return set(kind) if isinstance(kind, list) else {kind}


def _kinds(ann: Any) -> set[str]:
    origin = get_origin(ann)
    if origin in (Union, types.UnionType):
        return set().union(*(_kinds(a) for a in get_args(ann)))
    simple = {type(None): "null", str: "string", int: "integer", bool: "boolean", Any: "any"}
    if ann in simple:
        return {simple[ann]}
    if is_typeddict(ann) or origin is dict:
        return {"object"}
    if origin is list:
        return {"array"}
    raise AssertionError(f"unexpected annotation {ann!r}")


def _pairs(ann: Any, node: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    """(TypedDict, schema object) pairs inside one property: through lists, optional values and oneOf."""
    node = _resolve(node)
    if is_typeddict(ann):
        return [(ann, node)]
    origin = get_origin(ann)
    if origin is list:
        return _pairs(get_args(ann)[0], node.get("items", {}))
    if origin in (Union, types.UnionType):
        options = [_resolve(n) for n in node.get("oneOf", [node])]
        objects = [n for n in options if n.get("type") == "object" or "properties" in n]
        inner = [a for a in get_args(ann) if a is not type(None)]
        return [p for a in inner for n in objects for p in _pairs(a, n)]
    assert "properties" not in node, (
        f"{ann!r} is not a TypedDict, but the schema declares {sorted(node['properties'])}"
    )
    return []


def _walk() -> tuple[list[tuple[str, Any, dict[str, Any]]], set[int]]:
    seen: set[int] = set()
    todo: list[tuple[str, Any, dict[str, Any]]] = [("(top level)", ReviewDoc, REVIEW)]
    out = []
    while todo:
        where, td, node = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        out.append((where, td, node))
        hints = get_type_hints(td)
        for key, sub in node.get("properties", {}).items():
            if key in hints:
                todo.extend((f"{where}/{key}", t, n) for t, n in _pairs(hints[key], sub))
    return out, seen


OBJECTS, REACHED = _walk()


@pytest.mark.parametrize(("where", "td", "node"), OBJECTS, ids=[f"{w}={t.__name__}" for w, t, _ in OBJECTS])
def test_each_typeddict_has_the_schema_objects_keys_required_keys_and_kinds(
    where: str, td: Any, node: dict[str, Any]
) -> None:
    hints = get_type_hints(td)
    props: dict[str, Any] = node.get("properties", {})
    assert set(hints) == set(props), f"{where}: {td.__name__} vs schema"
    assert td.__required_keys__ == set(node.get("required", [])), f"{where}: required keys of {td.__name__}"
    for key, sub in props.items():
        assert _kinds(hints[key]) == _schema_kinds(sub), f"{where}/{key}: {hints[key]!r} vs {sub!r}"


def test_every_schema_object_with_properties_has_a_typeddict() -> None:
    untyped = []
    todo: list[tuple[str, Any]] = [("", REVIEW)]
    while todo:
        where, node = todo.pop()
        if isinstance(node, dict):
            if "properties" in node and id(node) not in REACHED:
                untyped.append(where or "(top level)")
            todo.extend((f"{where}/{k}", v) for k, v in node.items())
        elif isinstance(node, list):
            todo.extend((f"{where}/{i}", v) for i, v in enumerate(node))
    assert not untyped, f"schema objects without a TypedDict in wasp.report.doc_types: {untyped}"


def test_the_walk_reaches_every_document_type() -> None:
    names = {td.__name__ for _, td, _ in OBJECTS}
    assert {"ReviewDoc", "FindingDoc", "ResourceDoc", "QuestionDoc", "PracticeDoc", "AttestationDoc"} <= names
    assert {"PlanItemDoc", "PlanRemediationDoc", "GapDoc", "RuleDoc", "RemediationDoc", "WaiverDoc"} <= names
    assert {"SummaryDoc", "RollupDoc", "ExpiredAttestationDoc"} <= names
