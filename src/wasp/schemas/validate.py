"""Compiled validators for wasp's hand-written contracts (the review and the scan output).

fastjsonschema turns a schema into Python code once per process (about 50 ms for the review schema); the code
then validates a 100k-finding review in about 1.5 s, where the jsonschema library's interpreter took 14 s or more.
Formats (date, date-time) are not checked, as jsonschema's default validator did not check them either.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import fastjsonschema

from wasp.schemas import schema

COMPILED = ("review", "scan")
"""The schemas that have a compiled validator (the others are pydantic models' schemas, validated by pydantic)."""

DRAFT = "http://json-schema.org/draft-07/schema#"
"""The draft fastjsonschema compiles to; the contracts use nothing beyond it."""


class SchemaMismatch(ValueError):
    """A document does not match its schema: where (a JSON path of schema names) and which check failed.

    ``where`` never holds the document's own text: a key the schema does not declare shows as ``*``.
    """

    def __init__(self, where: str, check: str) -> None:
        super().__init__(f"at {where} (failed the {check} check)")
        self.where = where
        self.check = check


@dataclass(frozen=True)
class _Compiled:
    validate: Callable[[Any], Any]
    names: frozenset[str]


def _no_remote(uri: str) -> Any:
    raise fastjsonschema.JsonSchemaDefinitionException(f"wasp's schemas refer to nothing outside: {uri}")


@cache
def _compiled(name: str) -> _Compiled:
    """The schema's validator, generated on first use in this process."""
    if name not in COMPILED:
        raise ValueError(f"no compiled validator for the {name!r} schema; choose from {', '.join(COMPILED)}")
    definition = copy.deepcopy(schema(name))
    # "$id": "wasp.review/1" is a name, not a URL: without it every "#/$defs/..." reference resolves in this document
    definition.pop("$id", None)
    definition["$schema"] = DRAFT
    handlers = dict.fromkeys(("", "file", "http", "https"), _no_remote)
    validate = fastjsonschema.compile(definition, handlers=handlers, use_formats=False)
    return _Compiled(validate, frozenset(_property_names(definition)))


def validate(name: str, doc: object) -> None:
    """Check a decoded document against one of COMPILED; raise SchemaMismatch naming the first problem."""
    compiled = _compiled(name)
    try:
        compiled.validate(doc)
    except fastjsonschema.JsonSchemaValueException as exc:
        parts = exc.path[1:]  # the first part is the generated code's own name for the document: "data"
        where = "/".join(p if p.isdigit() or p in compiled.names else "*" for p in parts) or "(top level)"
        raise SchemaMismatch(where, exc.rule or "schema") from exc


def _property_names(node: Any) -> set[str]:
    """Every property name a JSON Schema declares (path parts outside it are the file's text: not shown)."""
    names: set[str] = set()
    todo = [node]
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            props = item.get("properties")
            if isinstance(props, dict):
                names.update(str(k) for k in props)
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return names
