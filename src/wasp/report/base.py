"""One Reporter interface: every format renders from the saved review JSON (no credentials needed)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, Protocol, cast

from wasp.errors import InputError
from wasp.gcpause import paused_gc
from wasp.report.doc_types import READABLE, SCHEMA, ReviewDoc


class Reporter(Protocol):
    """A report format: a name, a file extension and a render function."""

    name: str
    extension: str
    filename: str
    """The file name used when several formats are written to a directory."""
    description: str
    binary: bool
    """True when render() writes bytes (e.g. PDF)."""

    def render(self, review: ReviewDoc, out: IO[Any]) -> None:
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


def load_review(path: Path) -> ReviewDoc:
    """Read and validate a saved review; a missing, corrupt, foreign or oversized file is one clear error.

    Errors name the place and the kind of problem, never the file's own text.
    """
    from wasp.limits import FileKind, read_text

    text = read_text(path, FileKind.REVIEW, "review")
    return review_document(text, str(path), "write it again with `wasp review`")


def _fast_document(text: str | bytes) -> ReviewDoc | None:
    """The document when msgspec can vouch for it quickly, else None (the caller then decodes and validates
    the slow way, which also words any error).

    Findings are checked by msgspec types with the schema's constraints (wasp.schemas.finding_types), the rest
    of the document, which is small, by the schema's validator.
    """
    import msgspec

    from wasp.schemas.finding_types import findings_valid
    from wasp.schemas.validate import SchemaMismatch, validate

    try:
        doc = msgspec.json.decode(text)
    except (msgspec.DecodeError, RecursionError):
        return None
    if (
        not isinstance(doc, dict)
        or doc.get("schema") not in READABLE
        or not findings_valid(doc.get("findings"))
    ):
        return None
    try:
        validate("review", {**doc, "findings": []})
    except SchemaMismatch:
        return None
    # msgspec has checked the findings and the schema's validator everything else
    return cast(ReviewDoc, doc)


def review_document(text: str | bytes, where: str, fix: str) -> ReviewDoc:
    """Decode and validate a wasp.review/2 (or /1) document (from a file or the store): one InputError on any problem.

    The collector is paused while decoding and validating: a 100k-finding review is millions of new dicts and
    lists, none in a reference cycle, and the collector's passes over them cost more than the decoding.
    """
    from wasp.schemas.validate import SchemaMismatch, validate

    with paused_gc():
        fast = _fast_document(text)
        if fast is not None:
            return fast
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where}:{exc.lineno}: not valid JSON ({exc.msg}, column {exc.colno}); is this a wasp review.json?"
            ) from exc
        except RecursionError as exc:
            raise InputError(f"{where}: not a wasp review (it nests too deeply)") from exc
        if not isinstance(doc, dict) or doc.get("schema") not in READABLE:
            raise InputError(f'{where}: not a wasp review (expected "schema": "{SCHEMA}")')
        try:
            validate("review", doc)
        except SchemaMismatch as exc:
            raise InputError(f"{where}: review does not match {doc['schema']} {exc}; {fix}") from exc
    # the validator has just proved the shape the type describes
    return cast(ReviewDoc, doc)


def render(review: ReviewDoc, fmt: Format, out: IO[Any]) -> None:
    """Render one format to an open stream."""
    with paused_gc():
        fmt.reporter.render(review, out)


def write_report(review: ReviewDoc, fmt: Format, path: Path) -> Path:
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
