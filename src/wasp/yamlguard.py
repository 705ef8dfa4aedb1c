"""Guards for reading YAML that may be hostile: bounded alias expansion and nesting, and errors that quote nothing.

A YAML file is composed into a node graph first (libyaml when available: it refuses nesting deeper than 1,000
itself). Before anything is built from it, the graph is measured as if every alias were expanded: the number
of values, the characters of text and the depth. A billion-laughs file, a recursive alias or a deeply nested
document is refused with one line, never a RecursionError or an exhausted memory.

Parser messages can quote the offending text (``found undefined alias 'AKIA...'``), and a symlink may point a
reader at a credentials file, so :func:`error_line` keeps only the kind of error and its position.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from wasp.errors import InputError
from wasp.limits import MAX_DEPTH, Budget, ExpansionError

SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_QUOTED = re.compile(r"['\"`].*['\"`]", re.DOTALL)
_UNSAFE = re.compile(r"[^A-Za-z ,:()<>-]+")


def kind_of(problem: str | None) -> str:
    """A parser's problem text without anything it quotes from the input (and nothing but plain words)."""
    if not problem:
        return "syntax error"
    text = _QUOTED.sub(" ", problem)
    text = _UNSAFE.sub(" ", text)
    text = " ".join(text.split())[:100].strip(" ,:")
    return text or "syntax error"


def error_line(path: Path, exc: yaml.YAMLError, what: str) -> str:
    """``file:line: <what> is not valid YAML (<kind>, column N)``: position and kind, never the input's text."""
    where, column = "", ""
    kind = exc.__class__.__name__
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        if mark is not None:
            where, column = f":{mark.line + 1}", f", column {mark.column + 1}"
        kind = kind_of(exc.problem or exc.context)
    return f"{path}{where}: {what} is not valid YAML ({kind}{column}); fix the syntax"


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


class _Cycle(Exception):
    def __init__(self, node: yaml.Node) -> None:
        super().__init__("recursive alias")
        self.node = node


def measure(root: yaml.Node) -> dict[int, tuple[int, int, int]]:
    """(values, characters, height) of every node as if aliases were expanded, by ``id(node)``; no recursion.

    Raises ``_Cycle`` on a recursive alias (``&a [*a]``).
    """
    memo: dict[int, tuple[int, int, int]] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            values, chars, height = 1, len(node.value) if isinstance(node, yaml.ScalarNode) else 0, 0
            for child in _children(node):
                cv, cc, ch = memo[id(child)]
                values, chars, height = values + cv, chars + cc, max(height, ch)
            memo[key] = (values, chars, height + 1)
            active.discard(key)
            continue
        if key in memo:
            continue
        if key in active:
            raise _Cycle(node)
        active.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in active:
                raise _Cycle(child)
            if id(child) not in memo:
                stack.append((child, False))
    return memo


def _tree_size(root: yaml.Node, anchors: bool = True) -> tuple[int, int, int] | None:
    """(values, characters, height) of a document in which no node is reached twice, else None.

    Most files use no aliases, so their graph is a tree and one pass counts it; a node reached twice (an alias)
    sends the caller to :func:`measure`, which expands aliases and finds cycles. The pass goes level by level:
    a level's nodes are all at one depth, so the height is the number of levels. ``anchors=False`` says the text
    has no ``&`` at all, hence no anchor and no alias: no node can be reached twice and none is looked for.
    """
    seen: set[int] = set()
    values = chars = height = 0
    level: list[yaml.Node] = [root]
    scalar, sequence, mapping = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    while level:
        height += 1
        values += len(level)
        if anchors:
            seen.update(map(id, level))
            if len(seen) != values:  # a node reached twice
                return None
        below: list[yaml.Node] = []
        extend = below.extend
        for node in level:
            kind = type(node)  # (the exact node classes first: no subclass check for them)
            if kind is not scalar and kind is not mapping and kind is not sequence:
                kind = next((k for k in (scalar, sequence, mapping) if isinstance(node, k)), kind)
            if kind is scalar:
                chars += len(node.value)
            elif kind is mapping:
                for pair in node.value:
                    extend(pair)
            elif kind is sequence:
                extend(node.value)
        level = below
    return values, chars, height


def _deepest(root: yaml.Node, memo: dict[int, tuple[int, int, int]], depth: int) -> yaml.Node:
    node = root
    for _ in range(depth):
        children = _children(node)
        if not children:
            break
        node = max(children, key=lambda c: memo[id(c)][2])
    return node


def check(
    root: yaml.Node, path: Path, what: str, budget: Budget | None = None, *, anchors: bool = True
) -> bool:
    """Refuse a composed document that expands beyond the budget, nests too deeply or refers to itself.

    Returns True when the document is a tree (no node reached twice: no aliases), which a caller may then build
    without the constructor's bookkeeping for shared and recursive nodes. ``anchors=False``: the text has no
    ``&`` (so no anchor, hence no alias).
    """
    sizes = _tree_size(root, anchors)
    if sizes is not None and sizes[2] <= MAX_DEPTH:
        _charge(sizes[0], sizes[1], path, what, budget)
        return True
    try:
        memo = measure(root)
    except _Cycle as cycle:
        mark = cycle.node.start_mark
        raise InputError(
            f"{path}:{mark.line + 1}:{mark.column + 1}: {what} has a recursive YAML alias "
            "(an anchor used inside itself); remove it"
        ) from None
    values, chars, height = memo[id(root)]
    if height > MAX_DEPTH:
        mark = _deepest(root, memo, MAX_DEPTH).start_mark
        raise InputError(
            f"{path}:{mark.line + 1}:{mark.column + 1}: {what} nests more than {MAX_DEPTH} levels deep; "
            "flatten it"
        )
    _charge(values, chars, path, what, budget)
    return False


def _charge(values: int, chars: int, path: Path, what: str, budget: Budget | None) -> None:
    try:
        (budget or Budget()).charge(values, chars)
    except ExpansionError as exc:
        raise InputError(f"{path}: {what}: {exc.describe()}") from exc


def load(
    text: str,
    path: Path,
    what: str,
    loader: type[Any] = SafeLoader,
    budget: Budget | None = None,
    build: Callable[[Any, yaml.Node], Any] | None = None,
) -> Any:
    """Compose, check and construct one YAML document; every problem is one InputError naming the file.

    ``build(parser, node)``, when given, constructs a document that is a tree (no aliases) instead of the
    loader's ``construct_document``; it must return what that would (a faster walk for large templates).
    """
    try:
        parser = loader(text)
        try:
            node = parser.get_single_node()
            if node is None:
                return None
            if check(node, path, what, budget, anchors="&" in text) and build is not None:
                return build(parser, node)
            return parser.construct_document(node)
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        raise InputError(error_line(path, exc, what)) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: {what} nests too deeply to read; flatten it") from exc


def compose(text: str, path: Path, what: str, budget: Budget | None = None) -> yaml.Node | None:
    """The checked node graph of one document (for readers that also want each key's line)."""
    try:
        parser = SafeLoader(text)
        try:
            node = parser.get_single_node()
        finally:
            parser.dispose()
    except yaml.YAMLError as exc:
        raise InputError(error_line(path, exc, what)) from exc
    if node is not None:
        check(node, path, what, budget)
    return node
