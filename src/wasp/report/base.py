"""One Reporter interface: every format renders from the saved review JSON (no credentials needed)."""

from __future__ import annotations

import gc
import importlib
import json
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, Protocol

import jsonschema

from wasp.errors import InputError


class Reporter(Protocol):
    """A report format: a name, a file extension and a render function."""

    name: str
    extension: str
    filename: str
    """The file name used when several formats are written to a directory."""
    description: str
    binary: bool
    """True when render() writes bytes (e.g. PDF)."""

    def render(self, review: dict[str, Any], out: IO[Any]) -> None:
        """Write the report for a review (the wasp.review/1 JSON document)."""
        ...


@dataclass(frozen=True)
class Format:
    """A loaded format module."""

    name: str
    extension: str
    description: str
    reporter: Reporter


@cache
def formats() -> dict[str, Format]:
    """Every format in wasp.report.formats (one module each, exposing REPORTER)."""
    from wasp.report import formats as package

    out: dict[str, Format] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        reporter: Reporter = module.REPORTER
        out[reporter.name] = Format(reporter.name, reporter.extension, reporter.description, reporter)
    return out


def get_format(name: str) -> Format:
    """A format by name, or a clear error listing the choices."""
    found = formats().get(name)
    if found is None:
        raise InputError(f"unknown report format {name!r}; choose from {', '.join(formats())}")
    return found


def load_review(path: Path) -> dict[str, Any]:
    """Read and validate a saved review; a missing, corrupt, foreign or oversized file is one clear error.

    Errors name the place and the kind of problem, never the file's own text.
    """
    from wasp.limits import FileKind, read_text
    from wasp.schemas import schema

    text = read_text(path, FileKind.REVIEW, "review")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); is this a wasp review.json?"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: not a wasp review (it nests too deeply)") from exc
    if not isinstance(doc, dict) or doc.get("schema") != "wasp.review/1":
        raise InputError(f'{path}: not a wasp review (expected "schema": "wasp.review/1")')
    review_schema = schema("review")
    try:
        _review_validator().validate(doc)
    except jsonschema.ValidationError as exc:
        known = _property_names(review_schema)
        where = (
            "/".join(str(p) if isinstance(p, int) or p in known else "*" for p in exc.absolute_path)
            or "(top level)"
        )
        raise InputError(
            f"{path}: review does not match wasp.review/1 at {where} (failed the {exc.validator!s} check); "
            "write it again with `wasp review`"
        ) from exc
    return doc


@cache
def _review_validator() -> Any:
    """The review schema's validator, built (and the schema checked) once per process, not once per file."""
    from wasp.schemas import schema

    review_schema = schema("review")
    cls = jsonschema.validators.validator_for(review_schema)
    cls.check_schema(review_schema)
    return cls(review_schema)


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


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while rendering.

    Rendering builds millions of short-lived dicts and strings but no reference cycles; the collector's
    generational passes over them cost a third of the time at 100k findings. Reference counting still frees
    everything, and the collector is restored afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render(review: dict[str, Any], fmt: Format, out: IO[Any]) -> None:
    """Render one format to an open stream."""
    with paused_gc():
        fmt.reporter.render(review, out)


def write_report(review: dict[str, Any], fmt: Format, path: Path) -> Path:
    """Render to a file atomically (temp file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    if getattr(fmt.reporter, "binary", False):
        with tmp.open("wb") as raw:
            render(review, fmt, raw)
    else:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            render(review, fmt, out)
    tmp.replace(path)
    return path
