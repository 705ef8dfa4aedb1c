"""Compiled validators for wasp's hand-written contracts (the review and the scan output).

Each schema is turned into straight-line Python once per process (wasp.schemas.codegen, about 30 ms); that code
checks a 100k-finding review in about 0.3 s of CPU, where the jsonschema library's interpreter takes 14 s or more
(and fastjsonschema's generated code about 2 s). Formats (date, date-time) are not checked, as jsonschema's default
validator did not check them either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from wasp.schemas import schema
from wasp.schemas.codegen import Failure, compile_schema

COMPILED = ("review", "scan")
"""The schemas that have a compiled validator (the others are pydantic models' schemas, validated by pydantic)."""


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
    validate: Callable[[Any], None]
    names: frozenset[str]


@cache
def _compiled(name: str) -> _Compiled:
    """The schema's validator, generated on first use in this process."""
    if name not in COMPILED:
        raise ValueError(f"no compiled validator for the {name!r} schema; choose from {', '.join(COMPILED)}")
    definition = schema(name)
    return _Compiled(compile_schema(definition), frozenset(_property_names(definition)))


def validate(name: str, doc: object) -> None:
    """Check a decoded document against one of COMPILED; raise SchemaMismatch naming the first problem."""
    compiled = _compiled(name)
    try:
        compiled.validate(doc)
    except Failure as exc:
        where = (
            "/".join(str(p) if isinstance(p, int) or p in compiled.names else "*" for p in exc.path)
            or "(top level)"
        )
        raise SchemaMismatch(where, exc.check) from None


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
