"""Read a YAML file and keep where each value came from, so errors can name file:line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from wasp.errors import InputError
from wasp.limits import FileKind, read_text
from wasp.yamlguard import SafeLoader, check, error_line

M = TypeVar("M", bound=BaseModel)


@dataclass
class YamlDoc:
    """Parsed YAML with a line number for every mapping key and list item path."""

    path: Path
    data: Any
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, loc: Sequence[str | int]) -> int | None:
        """The line of the deepest known prefix of a location path."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return None

    def where(self, loc: Sequence[str | int] = ()) -> str:
        """``file:line`` for a location (or just the file)."""
        line = self.line_of(loc)
        return f"{self.path}:{line}" if line else str(self.path)


def _index(node: yaml.Node, prefix: tuple[str | int, ...], out: dict[tuple[str | int, ...], int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, str(key_node.value))
            out[key] = key_node.start_mark.line + 1
            _index(value_node, key, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            key = (*prefix, i)
            out[key] = item.start_mark.line + 1
            _index(item, key, out)


def load_yaml(path: Path, what: str) -> YamlDoc:
    """Load a YAML file; any problem becomes one InputError naming the file (and line), never quoting it.

    The file must be a regular file within its size cap (:mod:`wasp.limits`, kind ``config``); aliases may not
    expand it beyond the evaluation budget, nor may it nest deeper than :data:`wasp.limits.MAX_DEPTH`.
    """
    text = read_text(path, FileKind.CONFIG, what)
    try:
        loader = SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                check(node, path, what)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise InputError(error_line(path, exc, what)) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: {what} nests too deeply to read; flatten it") from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _index(node, (), lines)
    return YamlDoc(path, data, lines)


_SAFE_KEY = re.compile(r"^(SEC\d{2}(-BP\d{2})?|[a-z_]{1,40})$")
"""Location parts shown in messages: field names and question/practice ids. Any other key is the file's own
text (which may be a secret when the path points somewhere unexpected) and is shown as ``*``."""


def _loc_part(part: str | int, fields: set[str]) -> str:
    if isinstance(part, int) or part in fields or _SAFE_KEY.match(part):
        return str(part)
    return "*"


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    todo: list[Any] = [model]
    while todo:
        current = todo.pop()
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            for arg in getattr(current, "__args__", ()) or ():
                todo.append(arg)
            continue
        for name, info in current.model_fields.items():
            names.update({name, info.alias or name})
            todo.append(info.annotation)
    return names


def validate(doc: YamlDoc, model: type[M], what: str) -> M:
    """Validate YAML data with a pydantic model; the first error becomes one line with file:line."""
    if not isinstance(doc.data, dict):
        raise InputError(f"{doc.path}: {what} must be a YAML mapping at the top level")
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        fields = _field_names(model)
        dotted = ".".join(_loc_part(p, fields) for p in loc) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
        msg = _message(err)
        raise InputError(f"{doc.where(loc)}: {what}: {dotted}: {msg}{more}") from exc


def _message(err: Any) -> str:
    """Pydantic's message, unless it could quote the input (custom validators): then the error's kind."""
    if err["type"] in ("value_error", "assertion_error"):
        return str(err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])
