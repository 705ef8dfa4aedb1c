"""Decode a CloudFormation template (YAML with short-form tags, or JSON) keeping the line of every key.

PyYAML's libyaml parser (``CSafeLoader``) does the parsing; this module only adds the short-form intrinsic
tags (``!Ref``, ``!GetAtt``, ``!Sub``...) and records where each mapping key sits. cfn-lint's decoder does the
same job but importing cfn-lint costs ~0.8 s and ~75 MB (sympy, networkx), more than a whole CI scan should
use, so ``wasp scan`` decodes with this instead (see docs/iac.md).
"""

from __future__ import annotations

import json
import operator
import re
from pathlib import Path
from typing import Any

import yaml

from wasp import yamlguard
from wasp.errors import InputError
from wasp.iac.detect import NotATemplate, is_template, what_it_is
from wasp.limits import Budget, FileKind, read_text

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
WHAT = "template"
_NOT_JSON = object()


class Located(dict[str, Any]):
    """A mapping that remembers the 1-based line of each of its keys."""

    lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines = {}


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loading plus intrinsic tags and key lines; dates stay strings (``2010-09-09``).

    libyaml calls back into Python for every node: ``descend_resolver`` and ``ascend_resolver`` around it and
    ``resolve`` for its tag. Those callbacks depend on the text alone when no path resolver is registered (a
    safe loader has none), so here they are cheap: C built-ins that do nothing for the first two, and tags
    from the node's kind or first character (or a table of texts already resolved) for ``resolve``.
    """

    if not _BaseLoader.yaml_path_resolvers:
        descend_resolver = staticmethod(operator.is_)  # (node, index) -> ignored
        ascend_resolver = staticmethod(tuple)  # () -> ignored

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        """The tag of an untagged node, as PyYAML's resolver gives it, without its regular expressions for a
        plain scalar whose first character starts none of them (most keys and values: ``Type``, ``AWS::...``)
        and only once for any other text."""
        if self.yaml_path_resolvers:
            return str(super().resolve(kind, value, implicit))
        if kind is not yaml.ScalarNode:
            return str(self.DEFAULT_MAPPING_TAG if kind is yaml.MappingNode else self.DEFAULT_SEQUENCE_TAG)
        by_first = self.yaml_implicit_resolvers  # first character -> resolvers; None: for any text
        if not implicit[0] or (value and value[0] not in by_first and None not in by_first):
            return _STR
        tag = _RESOLVED.get(value)
        if tag is None:
            tag = str(super().resolve(kind, value, implicit))
            if len(_RESOLVED) >= _RESOLVED_MAX:
                _RESOLVED.clear()
            _RESOLVED[value] = tag
        return tag


_RESOLVED: dict[str, str] = {}
"""Plain scalar text -> tag, for texts the implicit resolvers had to look at (``true``, ``22``, ``0.0.0.0/0``)."""
_RESOLVED_MAX = 4096
_STR = "tag:yaml.org,2002:str"


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    out = Located()
    lines = out.lines
    scalar, construct = yaml.ScalarNode, loader.construct_object
    for key_node, value_node in node.value:
        # a plain string (most keys and values) is its node's text: what construct_object would return
        if key_node.tag == _STR and type(key_node) is scalar:
            key = key_node.value
        else:
            key = str(construct(key_node, deep=True))
        if value_node.tag == _STR and type(value_node) is scalar:
            out[key] = value_node.value
        else:
            out[key] = construct(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    return out


def _intrinsic(loader: _Loader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = suffix
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = _mapping(loader, node)  # type: ignore[arg-type]
    if name in ("Ref", "Condition"):
        return {name: value}
    if name == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{name}": value}


def _string(loader: _Loader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _string)
_Loader.add_multi_constructor("!", _intrinsic)

_MAP, _SEQ = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}": _Loader.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("bool", "int", "float", "null", "timestamp")
}
"""Scalar tags whose constructor reads only the node's text: called directly by :func:`_build`."""


def _build(loader: _Loader, node: yaml.Node) -> Any:
    """What ``loader.construct_document(node)`` returns for a document without aliases, in one plain walk.

    The constructor keeps a table of every node built (for aliases and recursive nodes) and goes through a
    dispatch for each one; a tree needs neither. Plain strings, mappings, sequences, the common scalar tags and
    the short-form intrinsics are built here exactly as the constructors above build them; any other node
    (``!!binary``, a merge key, a tag no constructor knows) goes to the loader, so it gives the same value or
    the same error.
    """
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        scalar = _SCALAR_TAGS.get(tag)
        if scalar is not None:
            return scalar(loader, node)
    elif kind is yaml.MappingNode and tag == _MAP:
        return _build_mapping(loader, node)  # type: ignore[arg-type]
    elif kind is yaml.SequenceNode and tag == _SEQ:
        return [_build(loader, child) for child in node.value]
    if tag.startswith("!") and tag not in _Loader.yaml_constructors:
        return _build_intrinsic(loader, tag[1:], node)
    return loader.construct_object(node, deep=True)


def _build_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    """:func:`_mapping` with :func:`_build` for the keys and values that are not plain strings."""
    out = dict.__new__(Located)  # Located() without the Python-level __init__ (one per mapping)
    out.lines = lines = {}
    scalar = yaml.ScalarNode
    for key_node, value_node in node.value:
        key = (
            key_node.value
            if key_node.tag == _STR and type(key_node) is scalar
            else str(_build(loader, key_node))
        )
        out[key] = (
            value_node.value
            if value_node.tag == _STR and type(value_node) is scalar
            else _build(loader, value_node)
        )
        lines[key] = key_node.start_mark.line + 1
    return out


def _build_intrinsic(loader: _Loader, name: str, node: yaml.Node) -> dict[str, Any]:
    """:func:`_intrinsic` with :func:`_build` for what the tag holds."""
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = node.value
    elif isinstance(node, yaml.SequenceNode):
        value = [_build(loader, child) for child in node.value]
    else:
        value = _build_mapping(loader, node)  # type: ignore[arg-type]
    if name in ("Ref", "Condition"):
        return {name: value}
    if name == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{name}": value}


def _json_lines(text: str, doc: dict[str, Any]) -> Located:
    """JSON has no marks: find each resource's logical id after the Resources key.

    Ids are searched in document order from the previous hit, so a template with many resources is read in
    linear time (a search from the top for each id would be quadratic).
    """
    resources = doc.get("Resources")
    located = Located(resources if isinstance(resources, dict) else {})
    start = max(text.find('"Resources"'), 0)
    newline_index = [m.start() for m in re.finditer("\n", text)]
    cursor = start
    for logical_id in located:
        key = json.dumps(logical_id)
        at = text.find(key + ":", cursor)
        if at < 0:
            at = text.find(key, start)
        else:
            cursor = at + len(key)
        located.lines[logical_id] = _line_of(newline_index, at) if at >= 0 else 1
    return located


def _line_of(newlines: list[int], offset: int) -> int:
    lo, hi = 0, len(newlines)
    while lo < hi:
        mid = (lo + hi) // 2
        if newlines[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo + 1


def decode_template(path: Path, budget: Budget | None = None) -> dict[str, Any]:
    """The template as plain data (mappings are :class:`Located`); InputError names file and line.

    A document that parses but is not a template (:func:`wasp.iac.detect.is_template`) raises
    :class:`~wasp.iac.detect.NotATemplate`, which a scan reports as a skip, not an error.

    The file must be a regular file within the template cap; YAML aliases may not expand it beyond the
    ``budget`` (shared with the resolver, so one source has one budget); errors never quote the file's text.
    """
    text = read_text(path, FileKind.TEMPLATE, WHAT)
    doc: Any = None
    if text.lstrip().startswith(("{", "[")):
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            if path.suffix.lower() != ".json":  # YAML in flow style: read below as YAML
                doc = _NOT_JSON
            else:
                raise InputError(
                    f"{path}:{exc.lineno}: cannot read the template ({exc.msg}, column {exc.colno}); fix the JSON"
                ) from exc
        except RecursionError as exc:
            raise InputError(f"{path}: cannot read the template: it nests too deeply; flatten it") from exc
        if isinstance(doc, dict) and isinstance(doc.get("Resources"), dict):
            doc["Resources"] = _json_lines(text, doc)
    if doc is None or doc is _NOT_JSON:
        doc = yamlguard.load(text, path, WHAT, _Loader, budget, _build)
    if not isinstance(doc, dict) or not is_template(doc):
        raise NotATemplate(path, f"skipped: {what_it_is(path)}, not a CloudFormation template")
    return doc
