"""HCL text into the syntax tree the evaluator reads, parsed by tree-sitter's HCL grammar (compiled C).

tree-sitter-hcl parses about ten times faster than python-hcl2's pure-Python Lark parser. Its concrete syntax
tree is turned here into the one shape the rest of the Terraform reader uses (:class:`Tree`/:class:`Token`, with
python-hcl2's rule names: ``body``, ``block``, ``attribute``, ``expr_term``, ``binary_op``...), with each token
carrying its line. tree-sitter recovers from errors; a tree with an error is refused here with the line and
column of the first one (never the text there, which could be a secret).
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from pathlib import Path
from typing import Any

import tree_sitter
import tree_sitter_hcl

from wasp.errors import InputError

Node = tree_sitter.Node
_ESCAPES = re.compile(r"(\$\$\{|%%\{)")


class Tree:
    """An inner node of the syntax tree: its rule name (``data``) and children (trees and tokens)."""

    __slots__ = ("children", "data")

    def __init__(self, data: str, children: list[Any]) -> None:
        self.data = data
        self.children = children

    def __repr__(self) -> str:
        return f"Tree({self.data!r}, {self.children!r})"


class Token(str):
    """A leaf of the syntax tree: its text, with its kind and the lines it starts and ends on."""

    type: str
    line: int
    end_line: int

    def __new__(cls, kind: str, value: str, line: int = 0, end_line: int = 0) -> Token:
        token = super().__new__(cls, value)
        token.type, token.line, token.end_line = kind, line, end_line
        return token


@cache
def _parser() -> tree_sitter.Parser:
    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_hcl.language()))


class SyntaxProblem(ValueError):
    """Where the text stops being HCL (1-based line and column) and what is wrong there, in wasp's words."""

    def __init__(self, line: int, column: int, kind: str) -> None:
        super().__init__(kind)
        self.line, self.column, self.kind = line, column, kind


def _first_error(node: Node) -> SyntaxProblem:
    """The first ERROR or missing node, in document order."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.is_missing:
            row, col = current.start_point
            return SyntaxProblem(row + 1, col + 1, "unexpected end of a block or expression")
        if current.type == "ERROR":
            row, col = current.start_point
            return SyntaxProblem(row + 1, col + 1, "syntax error")
        if current.has_error:
            stack.extend(reversed(current.children))
    row, col = node.start_point
    return SyntaxProblem(row + 1, col + 1, "syntax error")


_EXPONENT = re.compile(r"(?<![\w.$-])(\d+)([eE][+-]?\d+)(?![\w.])")
"""A number with an exponent and no fraction (``1e3``): HCL allows it, tree-sitter-hcl 1.2 does not."""


def _with_fraction(m: re.Match[str], text: str) -> str:
    """``1e3`` as ``1.0e3``, unless it stands inside a quoted string on its line."""
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    quotes = len(re.findall(r'(?<!\\)"', line))
    return m.group(0) if quotes % 2 else f"{m.group(1)}.0{m.group(2)}"


def _root(text: str) -> Node:
    return _parser().parse(text.encode("utf-8", "surrogatepass")).root_node


def parse_tree(text: str) -> Tree:
    """The file as ``start > body``; raises SyntaxProblem at the first error."""
    root = _root(text)
    if root.has_error:
        problem = _first_error(root)
        if not _EXPONENT.search(text):
            raise problem
        root = _root(_EXPONENT.sub(lambda m: _with_fraction(m, text), text))  # lines stay where they were
        if root.has_error:
            raise problem
    bodies = [c for c in root.named_children if c.type == "body"]
    return Tree("start", [_body(bodies[0]) if bodies else Tree("body", [])])


def parse_file(text: str, path: Path) -> Tree:
    """A ``.tf`` or ``.tfvars`` file; one clear line naming the file, line and column when it is not HCL."""
    try:
        return parse_tree(text)
    except SyntaxProblem as exc:
        raise InputError(
            f"{path}:{exc.line}: cannot parse HCL ({exc.kind}, column {exc.column}); "
            "check it with `terraform validate`"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: nests too deeply to read; flatten it") from None


def parse_expression(text: str) -> Tree | None:
    """One expression (a heredoc's interpolation); None when it is not one."""
    try:
        tree = parse_tree(f"x = {text}\n")
    except (SyntaxProblem, RecursionError):
        return None
    attributes = [c for c in tree.children[0].children if isinstance(c, Tree) and c.data == "attribute"]
    return attributes[0].children[-1] if len(attributes) == 1 else None


# -- tree-sitter nodes into the evaluator's shape ---------------------------------------------------------


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogatepass")


def _token(kind: str, node: Node, value: str | None = None) -> Token:
    """A leaf on the line its node starts on (a leaf that spans lines, a heredoc, is read whole)."""
    line = node.start_point[0] + 1
    return Token(kind, _text(node) if value is None else value, line, line)


def _identifier(node: Node) -> Tree:
    return Tree("identifier", [_token("NAME", node)])


def _body(node: Node) -> Tree:
    out: list[Any] = []
    for child in node.named_children:
        if child.type == "attribute":
            out.append(_attribute(child))
        elif child.type == "block":
            out.append(_block(child))
    return Tree("body", out)


def _attribute(node: Node) -> Tree:
    if node.child_count == 3:  # name = expression (no comment inside)
        return Tree("attribute", [_identifier(node.child(0)), _expression(node.child(2))])
    named = [c for c in node.named_children if c.type != "comment"]
    return Tree("attribute", [_identifier(named[0]), _expression(named[-1])])


def _block(node: Node) -> Tree:
    parts: list[Any] = []
    body: Tree = Tree("body", [])
    end: Token | None = None
    for child in node.named_children:
        kind = child.type
        if kind == "identifier":
            parts.append(_identifier(child))
        elif kind == "string_lit":
            parts.append(_string(child))
        elif kind == "body":
            body = _body(child)
        elif kind == "block_end":
            end = _token("RBRACE", child)
    parts.append(body)
    if end is not None:
        parts.append(end)
    return Tree("block", parts)


def _expression(node: Node) -> Tree:
    """An ``expression`` node."""
    if node.child_count == 1:  # a term alone, the usual case
        return Tree("expr_term", [_term(node.child(0))])
    return _chain([c for c in node.children if c.type != "comment"])


def _chain(children: list[Node]) -> Tree:
    """A term (or a parenthesised expression) followed by any attribute accesses, indexes and splats."""
    if not children:
        return Tree("expr_term", [])
    first = children[0]
    rest = children[1:]
    if first.type == "(":
        close = next(i for i, c in enumerate(children) if c.type == ")")
        inner = _chain(children[1:close])
        term: Tree = Tree("expr_term", [_token("LPAR", first), inner, _token("RPAR", children[close])])
        rest = children[close + 1 :]
    else:
        term = Tree("expr_term", [_term(first)])
    for op in rest:
        if op.type == "get_attr":
            term = Tree("expr_term", [Tree("get_attr_expr_term", [term, _get_attr(op)])])
        elif op.type == "index":
            term = Tree("expr_term", [Tree("index_expr_term", [term, _index(op)])])
        elif op.type == "splat":
            splat = op.named_children[0]
            kind = "full_splat" if splat.type == "full_splat" else "attr_splat"
            ops = [_get_attr(s) if s.type == "get_attr" else _index(s) for s in splat.named_children]
            term = Tree("expr_term", [Tree(f"{kind}_expr_term", [term, Tree(kind, ops)])])
    return term


def _get_attr(node: Node) -> Tree:
    name = node.named_children[-1]
    return Tree("get_attr", [_identifier(name)])


def _index(node: Node) -> Tree:
    inner = node.named_children[0] if node.type == "index" else node
    if inner.type == "legacy_index":
        return Tree("short_index", [_token("INT_LITERAL", inner, _text(inner).lstrip(". \t"))])
    expression = next(c for c in inner.named_children if c.type == "expression")
    return Tree("braces_index", [_expression(expression)])


def _term(node: Node) -> Any:
    kind = node.type
    handler = _TERMS.get(kind)
    if handler is None:
        return Tree("unsupported", [_token("UNSUPPORTED", node, kind)])
    return handler(node)


def unescape(text: str) -> str:
    """A quoted string's escapes (``\\n``, ``\\"``, ``\\u00e9``) decoded; text that is not valid escapes stays."""
    if "\\" not in text:
        return text
    try:
        return codecs.decode(text.replace('\\"', '"'), "unicode_escape")
    except UnicodeDecodeError:
        return text


def _literal(node: Node) -> Tree:
    """A literal as a ``const`` node holding its value (scalars only: nothing can change them)."""
    value = node.child(0)
    kind = value.type
    if kind == "string_lit" and value.child_count == 3:  # no interpolation: the text between the quotes
        raw = (value.text or b"")[1:-1].decode("utf-8", "surrogatepass")
        text = "".join(p[1:] if p in ("$${", "%%{") else unescape(p) for p in _ESCAPES.split(raw) if p)
        return Tree("const", [text])
    if kind == "numeric_lit":
        text = _text(value)
        return Tree("const", [int(text) if text.isdigit() else float(text)])
    if kind == "bool_lit":
        return Tree("const", [_text(value) == "true"])
    if kind == "null_lit":
        return Tree("const", [None])
    return _string(value)


def _string(node: Node) -> Tree:
    """A quoted string (``string_lit`` or ``quoted_template``): literal parts, interpolations, directives.

    Literal text is taken from the source between the other parts: tree-sitter-hcl drops the spaces at the
    edges of a ``template_literal`` (``"${a} b"`` would lose the space before ``b``)."""
    raw = node.text or b""
    if node.type == "string_lit" and node.child_count == 3:  # no interpolation: the text between the quotes
        return Tree(
            "string",
            [
                Tree("string_part", [_token("STRING_CHARS", node, piece)])
                for piece in _ESCAPES.split(raw[1:-1].decode("utf-8", "surrogatepass"))
                if piece
            ],
        )
    base = node.start_byte
    parts: list[Any] = []
    cursor: int | None = None
    for child in node.children:
        kind = child.type
        if kind == "template_literal" or kind == "comment":
            continue
        if cursor is not None and child.start_byte > cursor:
            text = raw[cursor - base : child.start_byte - base].decode("utf-8", "surrogatepass")
            parts += [
                Tree("string_part", [_token("STRING_CHARS", child, piece)])
                for piece in _ESCAPES.split(text)
                if piece
            ]
        cursor = child.end_byte
        if kind == "template_interpolation":
            expression = next((c for c in child.named_children if c.type == "expression"), None)
            inner = _expression(expression) if expression is not None else Tree("expr_term", [])
            parts.append(Tree("string_part", [Tree("interpolation", [inner])]))
        elif kind == "template_directive":
            parts.append(Tree("string_part", [Tree("template_directive", [])]))
    return Tree("string", parts)


def _template(node: Node) -> Tree:
    inner = node.named_children[0]
    if inner.type == "heredoc_template":
        start = next(c for c in inner.children if c.type == "heredoc_start")
        kind = "heredoc_template_trim" if _text(start).endswith("-") else "heredoc_template"
        return Tree(kind, [_token("HEREDOC", inner)])
    return _string(inner)


def _collection(node: Node) -> Tree:
    inner = node.named_children[0]
    if inner.type == "tuple":
        return Tree("tuple", [_expression(c) for c in inner.named_children if c.type == "expression"])
    elements = []
    for elem in inner.named_children:
        if elem.type != "object_elem":
            continue
        key, value = [c for c in elem.named_children if c.type == "expression"]
        elements.append(
            Tree("object_elem", [Tree("object_elem_key", [_expression(key)]), _expression(value)])
        )
    return Tree("object", elements)


def _function(node: Node) -> Tree:
    name = node.named_children[0]
    out: list[Any] = [_identifier(name)]
    arguments = next((c for c in node.named_children if c.type == "function_arguments"), None)
    if arguments is not None:
        args: list[Any] = []
        for a in arguments.named_children:
            if a.type == "expression":
                args.append(_expression(a))
            elif a.type == "ellipsis":
                args.append(_token("ELLIPSIS", a, "..."))
        out.append(Tree("arguments", args))
    return Tree("function_call", out)


def _branches(node: Node) -> list[Node]:
    return [c for c in node.named_children if c.type == "expression"]


def _bare_conditional(expression: Node) -> Node | None:
    inner = [c for c in expression.children if c.type != "comment"]
    return inner[0] if len(inner) == 1 and inner[0].type == "conditional" else None


def _conditional(node: Node) -> Tree:
    """``a ? b : c ? d : e`` is ``a ? b : (c ? d : e)`` in HCL; tree-sitter-hcl nests it the other way, so the
    left spine of unparenthesised conditionals is re-associated to the right."""
    spine: list[tuple[Node, Node]] = []  # (then, other) of each level, outermost first
    current = node
    while True:
        test, then, other = _branches(current)
        spine.append((then, other))
        inner = _bare_conditional(test)
        if inner is None:
            break
        current = inner
    # innermost level: test ? then_0 : other_0; each outer level: (...) ? then_k : other_k, where the
    # previous level's else-branch is really this level's test
    levels = list(reversed(spine))
    tests = [test] + [other for _, other in levels[:-1]]
    result = _expression(levels[-1][1])
    for level in range(len(levels) - 1, -1, -1):
        result = Tree("conditional", [_expression(tests[level]), _expression(levels[level][0]), result])
    return result


_BINARY = frozenset({"==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "%", "&&", "||"})


def _operation(node: Node) -> Tree:
    """A unary or binary operation; tree-sitter lays each operand out flat (term, accesses, parentheses)."""
    inner = node.named_children[0]
    children = [c for c in inner.children if c.type != "comment"]
    if inner.type == "unary_operation":
        return Tree("unary_op", [_token("OP", children[0]), _chain(children[1:])])
    depth = 0
    for i, child in enumerate(children):
        if child.type == "(":
            depth += 1
        elif child.type == ")":
            depth -= 1
        elif depth == 0 and i > 0 and not child.is_named and child.type in _BINARY:
            operator = Tree("binary_operator", [_token("OP", child)])
            rhs = _chain(children[i + 1 :])
            return Tree("binary_op", [_chain(children[:i]), Tree("binary_term", [operator, rhs])])
    return Tree("unsupported", [_token("UNSUPPORTED", inner, "operation")])


def _for(node: Node) -> Tree:
    inner = node.named_children[0]
    out: list[Any] = []
    for child in inner.children:
        kind = child.type
        if kind == "for_intro":
            names = [_identifier(c) for c in child.named_children if c.type == "identifier"]
            source = next(c for c in child.named_children if c.type == "expression")
            out.append(Tree("for_intro", [*names, _expression(source)]))
        elif kind == "expression":
            out.append(_expression(child))
        elif kind == "for_cond":
            condition = next(c for c in child.named_children if c.type == "expression")
            out.append(Tree("for_cond", [_expression(condition)]))
        elif kind == "ellipsis":
            out.append(_token("ELLIPSIS", child, "..."))
    return Tree(inner.type, out)


_TERMS = {
    "literal_value": _literal,
    "template_expr": _template,
    "collection_value": _collection,
    "variable_expr": lambda n: _identifier(n.named_children[0]),
    "function_call": _function,
    "conditional": _conditional,
    "operation": _operation,
    "for_expr": _for,
    "expression": _expression,
}
