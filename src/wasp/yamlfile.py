"""Read a YAML file and keep where each value came from, so errors can name file:line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from wasp.errors import InputError

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
    """Load a YAML file; any problem becomes one InputError naming the file (and line)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: {what} not found; check the path") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read {what} ({exc.__class__.__name__}: {exc})") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise InputError(f"{path}{line}: {what} is not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{path}: {what} is not valid YAML: {exc}") from exc
    lines: dict[tuple[str | int, ...], int] = {}
    if node is not None:
        _index(node, (), lines)
    return YamlDoc(path, data, lines)


def validate(doc: YamlDoc, model: type[M], what: str) -> M:
    """Validate YAML data with a pydantic model; the first error becomes one line with file:line."""
    if not isinstance(doc.data, dict):
        raise InputError(f"{doc.path}: {what} must be a YAML mapping at the top level")
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        dotted = ".".join(str(p) for p in loc) or "(top level)"
        more = f" (and {exc.error_count() - 1} more problem(s))" if exc.error_count() > 1 else ""
        msg = str(err["msg"]).removeprefix("Value error, ")
        raise InputError(f"{doc.where(loc)}: {what}: {dotted}: {msg}{more}") from exc
