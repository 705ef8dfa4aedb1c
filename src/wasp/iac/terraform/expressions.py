"""Evaluate HCL expressions from the syntax tree (python-hcl2's rule names; see syntax.py), with Terraform's semantics where scanning needs them.

Supported: literals, strings with interpolation, heredocs, tuples and objects, ``var.``/``local.``/``each.``/
``count.``/``path.``/``module.``/``data.`` references and references to other resources, attribute access,
indexing and splats, unary ``!``/``-``, arithmetic, comparison, ``&&``/``||`` (short-circuiting around unknowns),
conditionals, ``for`` expressions (maps iterate in key order, as Terraform's do) and the functions of
:mod:`wasp.iac.terraform.functions`. Anything that cannot be known before apply is an Unresolved value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from wasp.iac.terraform.functions import FUNCTIONS, estimate, to_text
from wasp.iac.terraform.json_template import Part, render
from wasp.iac.terraform.syntax import Token, Tree, unescape
from wasp.limits import Budget
from wasp.model import Unresolved

_INTERP = re.compile(r"(?<!\$)\$\{([^{}]*)\}")


class Ref:
    """Something an expression names that has attributes: ``var``, ``aws_s3_bucket.logs``, ``module.net``."""

    def attr(self, name: str) -> Any:
        """The value of ``.name``."""
        raise NotImplementedError

    def index(self, key: Any) -> Any:
        """The value of ``[key]``."""
        return Unresolved(f"{self!r}[{key}] cannot be indexed")

    def splat(self) -> list[Any]:
        """The elements ``[*]`` iterates: this one thing, unless it has instances."""
        return [self]


class MapRef(Ref):
    """A namespace over a mapping (``var``, ``local``, ``each``, ``count``): missing names are unknown."""

    def __init__(self, name: str, lookup: Callable[[str], Any]) -> None:
        self.name = name
        self.lookup = lookup

    def attr(self, name: str) -> Any:
        """Look the name up."""
        return self.lookup(name)

    def __repr__(self) -> str:
        return self.name


def _children(node: Tree) -> list[Any]:
    return list(node.children)


def _trees(node: Tree) -> list[Tree]:
    return [c for c in node.children if isinstance(c, Tree)]


def name_of(node: Any) -> str:
    """The text of an identifier, keyword, literal or string label."""
    if isinstance(node, Token):
        return str(node)
    if isinstance(node, Tree):
        if node.data == "string":
            return "".join(str(p.children[0]) for p in node.children if isinstance(p, Tree))
        return "".join(name_of(c) for c in node.children)
    return str(node)


class Evaluator:
    """Evaluates expressions in one scope of names."""

    def __init__(
        self,
        names: Mapping[str, Any],
        parse: Callable[[str], Tree | None],
        budget: Budget | None = None,
    ) -> None:
        self.names = dict(names)
        self.parse = parse
        self.budget = budget if budget is not None else Budget()

    def child(self, **bound: Any) -> Evaluator:
        """A scope with more names bound (a for expression's or a dynamic block's iterator)."""
        return Evaluator({**self.names, **bound}, self.parse, self.budget)

    def _used(self, value: Any) -> Any:
        """A value read again (a name, an attribute): its whole size counts against the budget."""
        if not isinstance(value, Ref | Unresolved):
            self.budget.charge_value(value)
        return value

    def _made(self, value: Any) -> Any:
        """A value just built (a string, a list, an object): its own size counts against the budget."""
        if isinstance(value, str):
            self.budget.charge(1, len(value))
        elif isinstance(value, list | dict):
            self.budget.charge(len(value) + 1)
        return value

    def value(self, node: Any) -> Any:
        """Evaluate a node; a Ref left over at the end (a whole resource) is unknown."""
        out = self.eval(node)
        return Unresolved(f"{out!r} is an object known only after apply") if isinstance(out, Ref) else out

    def eval(self, node: Any) -> Any:
        """Evaluate one node of the parse tree."""
        if isinstance(node, Token):
            return str(node)
        kind = node.data
        if kind == "const":  # a literal's value, decided when the file was read
            return node.children[0]
        if kind == "expr_term":
            inner = _trees(node)
            return self.eval(inner[0]) if inner else None
        if kind == "int_lit":
            return int(str(node.children[0]))
        if kind == "float_lit":
            return float(str(node.children[0]))
        if kind == "literal_value":
            return {"true": True, "false": False, "null": None}[str(node.children[0])]
        if kind == "string":
            return self._string(node)
        if kind in ("heredoc_template", "heredoc_template_trim"):
            return self._heredoc(str(node.children[0]), trim=kind.endswith("trim"))
        if kind == "template_string":
            return str(node.children[0])
        if kind == "tuple":
            return self._made([self.value(c) for c in _trees(node)])
        if kind == "object":
            return self._object(node)
        if kind == "identifier":
            return self._name(str(node.children[0]))
        if kind == "get_attr_expr_term":
            base, op = _trees(node)
            return self._get_attr(self.eval(base), op)
        if kind == "index_expr_term":
            base, op = _trees(node)
            return self._index(self.eval(base), op)
        if kind in ("attr_splat_expr_term", "full_splat_expr_term"):
            base, splat = _trees(node)
            return self._splat(self.eval(base), _trees(splat))
        if kind == "function_call":
            return self._call(node)
        if kind == "conditional":
            return self._conditional(node)
        if kind == "binary_op":
            return self._binary(node)
        if kind == "unary_op":
            op, operand = node.children[0], _trees(node)[0]
            return _unary(str(op), self.value(operand))
        if kind == "for_tuple_expr":
            return self._for(node, as_object=False)
        if kind == "for_object_expr":
            return self._for(node, as_object=True)
        return Unresolved(f"unsupported expression ({kind})")

    def _name(self, name: str) -> Any:
        if name in self.names:
            return self._used(self.names[name])
        return Unresolved(f"{name} is not defined")

    def _string(self, node: Tree) -> Any:
        parts: list[Part] = []
        for part in node.children:
            if not isinstance(part, Tree):
                continue
            piece = part.children[0]
            if isinstance(piece, Token):
                text = str(piece)
                parts.append((True, text[1:] if text.startswith(("$${", "%%{")) else unescape(text)))
            elif piece.data == "interpolation":
                parts.append((False, self.value(_trees(piece)[0])))
            else:
                return Unresolved("string template directives (%{if}/%{for}) are not evaluated")
        if len(parts) == 1 and not parts[0][0]:
            return parts[0][1]  # "${x}" is x itself
        return self._template(parts)

    def _heredoc(self, raw: str, trim: bool) -> Any:
        lines = raw.rstrip("\n").split("\n")
        marker = lines[0].lstrip("<-").strip()
        end = max((i for i, ln in enumerate(lines) if ln.strip() == marker and i > 0), default=len(lines))
        body = lines[1:end]
        if trim:
            indent = min((len(ln) - len(ln.lstrip()) for ln in body if ln.strip()), default=0)
            body = [ln[indent:] for ln in body]
        text = "\n".join(body) + "\n"
        parts: list[Part] = []
        last = 0
        for m in _INTERP.finditer(text):
            parts.append((True, text[last : m.start()].replace("$${", "${")))
            tree = self.parse(m.group(1))
            parts.append(
                (False, self.value(tree) if tree is not None else Unresolved("unparsable interpolation"))
            )
            last = m.end()
        parts.append((True, text[last:].replace("$${", "${")))
        return self._template(parts)

    def _template(self, parts: list[Part]) -> Any:
        """A template's value: its text, or a JSON document with unknown parts (see json_template)."""
        try:
            return self._made(render(parts))
        except TypeError:  # a list or map with an unknown part, where text was needed
            return Unresolved("a string built from a value known only after apply")

    def _object(self, node: Tree) -> Any:
        out: dict[str, Any] = {}
        for elem in _trees(node):
            key_node, value_node = _trees(elem)
            inner = _trees(key_node)
            key_expr = inner[0] if inner else key_node
            bare = key_expr.children[0] if key_expr.data == "expr_term" and key_expr.children else None
            if isinstance(bare, Tree) and bare.data == "identifier":
                key: Any = str(bare.children[0])
            elif key_expr.data == "keyword":
                key = name_of(key_expr)
            else:
                key = self.value(key_expr)
            if isinstance(key, Unresolved):
                return key
            out[to_text(key)] = self.value(value_node)
        return self._made(out)

    def _get_attr(self, base: Any, op: Tree) -> Any:
        name = name_of(_children(op)[-1])
        if isinstance(base, Ref):
            return self._used(base.attr(name))
        if isinstance(base, Unresolved):
            return base
        if isinstance(base, Mapping):
            return base.get(name, Unresolved(f"no attribute {name}"))
        return Unresolved(f"no attribute {name} on a {type(base).__name__}")

    def _index(self, base: Any, op: Tree) -> Any:
        if op.data == "short_index":
            key: Any = int(str(op.children[-1]))
        else:
            key = self.value(_trees(op)[0])
        if isinstance(base, Ref):
            return base.index(key)
        if isinstance(base, Unresolved) or isinstance(key, Unresolved):
            return base if isinstance(base, Unresolved) else key
        try:
            if isinstance(base, list):
                return base[int(key)]
            if isinstance(base, Mapping):
                return base[to_text(key)]
        except (IndexError, KeyError, ValueError, TypeError):
            return Unresolved(f"index {key} is out of range")
        return Unresolved(f"cannot index a {type(base).__name__}")

    def _splat(self, base: Any, ops: list[Tree]) -> Any:
        if isinstance(base, Unresolved):
            return base
        if isinstance(base, Ref):
            elements = base.splat()
        else:
            elements = base if isinstance(base, list) else [] if base is None else [base]
        out = []
        for element in elements:
            value = element
            for op in ops:
                value = self._get_attr(value, op) if op.data == "get_attr" else self._index(value, op)
            out.append(value)
        return out

    def _call(self, node: Tree) -> Any:
        parts = _children(node)
        name = name_of(parts[0])
        args_node = next((c for c in _trees(node) if c.data == "arguments"), None)
        args = [self.value(a) for a in _trees(args_node)] if args_node is not None else []
        if args_node is not None and any(
            isinstance(t, Token) and str(t) == "..." for t in args_node.children
        ):
            last = args.pop() if args else []
            args.extend(last if isinstance(last, list) else [last])
        fn = FUNCTIONS.get(name)
        if fn is None:
            return Unresolved(f"function {name}() is not evaluated")
        self.budget.charge(1, estimate(name, args))
        try:
            return self._made(fn(*args))
        except (TypeError, ValueError, KeyError, IndexError, ZeroDivisionError, AttributeError) as exc:
            return Unresolved(f"{name}() failed: {exc.__class__.__name__}")

    def _conditional(self, node: Tree) -> Any:
        cond, then, other = _trees(node)
        test = self.value(cond)
        if isinstance(test, Unresolved):
            a, b = self.value(then), self.value(other)
            return a if a == b else test
        return self.value(then) if _truth(test) else self.value(other)

    def _binary(self, node: Tree) -> Any:
        lhs_node, term = _trees(node)
        op_node, rhs_node = _trees(term)
        op = name_of(op_node)
        lhs = self.value(lhs_node)
        if op == "&&" and lhs is False:
            return False
        if op == "||" and lhs is True:
            return True
        rhs = self.value(rhs_node)
        if op == "&&":
            return (
                False
                if rhs is False
                else lhs
                if isinstance(lhs, Unresolved)
                else rhs
                if isinstance(rhs, Unresolved)
                else bool(lhs and rhs)
            )
        if op == "||":
            return (
                True
                if rhs is True
                else lhs
                if isinstance(lhs, Unresolved)
                else rhs
                if isinstance(rhs, Unresolved)
                else bool(lhs or rhs)
            )
        return _arith(op, lhs, rhs)

    def _for(self, node: Tree, as_object: bool) -> Any:
        trees = _trees(node)
        intro, body = trees[0], trees[1:]
        cond = next((t for t in body if t.data == "for_cond"), None)
        body = [t for t in body if t.data != "for_cond"]
        names = [str(t.children[0]) for t in _trees(intro) if t.data == "identifier"]
        source = self.value(_trees(intro)[-1])
        if isinstance(source, Unresolved):
            return source
        pairs: list[tuple[Any, Any]]
        if isinstance(source, Mapping):
            pairs = [(k, source[k]) for k in sorted(source)]
        elif isinstance(source, list):
            pairs = list(enumerate(source))
        else:
            return Unresolved("for expression over a non-collection")
        grouping = as_object and any(isinstance(t, Token) and str(t) == "..." for t in node.children)
        out_list: list[Any] = []
        out_map: dict[str, Any] = {}
        for key, val in pairs:
            self.budget.charge(1)  # each iteration is work, even one that produces nothing
            bound = {names[0]: key, names[1]: val} if len(names) == 2 else {names[0]: val}
            scope = self.child(**bound)
            if cond is not None:
                keep = scope.value(_trees(cond)[0])
                if isinstance(keep, Unresolved):
                    return keep
                if not _truth(keep):
                    continue
            if as_object:
                k, v = scope.value(body[0]), scope.value(body[1])
                if isinstance(k, Unresolved):
                    return k
                if grouping:
                    out_map.setdefault(to_text(k), []).append(v)
                else:
                    out_map[to_text(k)] = v
            else:
                out_list.append(scope.value(body[0]))
        return self._made(out_map if as_object else out_list)


_MAX_NUMBER = 2**128
"""Arithmetic on larger numbers is not done (repeated squaring in locals would grow without bound)."""


def _truth(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() == "true"
    return bool(value)


def _unary(op: str, value: Any) -> Any:
    if isinstance(value, Unresolved):
        return value
    if op == "!":
        return not _truth(value)
    try:
        return -_number(value)
    except (TypeError, ValueError):
        return Unresolved("negation of a non-number")


def _number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise TypeError("bool")
    if isinstance(value, int | float):
        return value
    text = str(value)
    return float(text) if "." in text else int(text)


def _arith(op: str, lhs: Any, rhs: Any) -> Any:
    if isinstance(lhs, Unresolved) or isinstance(rhs, Unresolved):
        return lhs if isinstance(lhs, Unresolved) else rhs
    if op == "==":
        return lhs == rhs or (
            isinstance(lhs, str | int | float)
            and not isinstance(lhs, bool)
            and type(lhs) is type(rhs)
            and to_text(lhs) == to_text(rhs)
        )
    if op == "!=":
        return lhs != rhs
    try:
        a, b = _number(lhs), _number(rhs)
        if max(abs(a), abs(b)) > _MAX_NUMBER and op in "+-*/%":
            return Unresolved(f"a number too large to compute with {op}")
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if op == "/":
            return a / b
        if op == "%":
            return a % b
        if op == "<":
            return a < b
        if op == ">":
            return a > b
        if op == "<=":
            return a <= b
        if op == ">=":
            return a >= b
    except (TypeError, ValueError, ZeroDivisionError):
        return Unresolved(f"cannot apply {op} to {type(lhs).__name__} and {type(rhs).__name__}")
    return Unresolved(f"unknown operator {op}")
