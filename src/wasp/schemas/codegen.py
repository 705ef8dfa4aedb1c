"""Turn one of wasp's own JSON Schemas into a Python validation function (straight-line code, no interpreter).

Only the keywords wasp's hand-written contracts use are supported; any other keyword is refused when the code is
generated, so a schema change that needs more fails its tests instead of being silently ignored. The semantics are
the JSON Schema ones that the jsonschema library applies (tests/test_review_load.py checks agreement on mutated
documents): a keyword constrains only values of its own type, integers may be written 1.0, booleans are not numbers,
patterns are searched (re.search), and formats are not checked (jsonschema does not check them by default).
On a failure the function raises Failure with the JSON path (keys and indexes) and the keyword that failed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

IGNORED = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "format", "default", "examples"}
)
SUPPORTED = IGNORED | {
    "$ref", "type", "enum", "const", "oneOf", "properties", "required", "additionalProperties",
    "items", "minItems", "maxItems", "minimum", "maximum", "pattern",
}  # fmt: skip

TYPES = {
    "string": "isinstance({v}, str)",
    "integer": "(isinstance({v}, int) and not isinstance({v}, bool) or isinstance({v}, float) and {v}.is_integer())",
    "number": "(isinstance({v}, (int, float)) and not isinstance({v}, bool))",
    "boolean": "isinstance({v}, bool)",
    "null": "{v} is None",
    "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)",
}
GUARDS = {
    "object": ("properties", "required", "additionalProperties"),
    "array": ("items", "minItems", "maxItems"),
    "number": ("minimum", "maximum"),
    "string": ("pattern",),
}


class Failure(Exception):
    """A document does not match: the path to the value (keys and indexes) and the keyword it failed."""

    def __init__(self, check: str, path: tuple[str | int, ...]) -> None:
        super().__init__(check, path)
        self.check = check
        self.path = path


class _Writer:
    """Emits the module: one function per $defs entry (compiled when referenced) and one for the root."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.lines: list[str] = []
        self.constants: dict[str, object] = {}
        self.functions: dict[str, str] = {}
        self.counter = 0

    def name(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def constant(self, value: object) -> str:
        name = self.name("C")
        self.constants[name] = value
        return name

    def function(self, node: dict[str, Any], name: str) -> None:
        body: list[str] = []
        self.node(node, "d", (), body, 1)
        self.lines.extend([f"def {name}(d):", *body, "    return None", ""])

    def ref(self, ref: str) -> str:
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"only references inside the schema (#/$defs/...) are supported, not {ref!r}")
        key = ref.removeprefix("#/$defs/")
        if key not in self.functions:
            self.functions[key] = self.name("ref_")
            self.function(self.root["$defs"][key], self.functions[key])
        return self.functions[key]

    def node(
        self, node: dict[str, Any], v: str, rel: tuple[str | int, ...], out: list[str], depth: int
    ) -> None:
        unknown = set(node) - SUPPORTED
        if unknown:
            raise ValueError(f"schema keyword(s) not supported by wasp's validator: {sorted(unknown)}")
        pad = "    " * depth

        def fail(check: str) -> str:
            return f"{pad}    raise Failure({check!r}, {rel!r})"

        if "$ref" in node:
            fn = self.ref(node["$ref"])
            out += [f"{pad}try:", f"{pad}    {fn}({v})", f"{pad}except Failure as e:"]
            out.append(f"{pad}    raise Failure(e.check, {rel!r} + e.path) from None")
        if "oneOf" in node:
            fns = [self.constant(self.option(n)) for n in node["oneOf"]]
            out += [f"{pad}if sum(_ok(f, {v}) for f in ({', '.join(fns)},)) != 1:", fail("oneOf")]
        if "const" in node:
            out += [f"{pad}if not ({self.one_of(v, [node['const']])}):", fail("const")]
        if "enum" in node:
            out += [f"{pad}if not ({self.one_of(v, node['enum'])}):", fail("enum")]
        kinds = node.get("type")
        if kinds is not None:
            kinds = [kinds] if isinstance(kinds, str) else list(kinds)
            test = " or ".join(TYPES[k].format(v=v) for k in kinds)
            out += [f"{pad}if not ({test}):", fail("type")]
        for kind, words in GUARDS.items():
            if not any(w in node for w in words):
                continue
            if kinds == [kind] or (kind == "number" and kinds == ["integer"]):
                getattr(self, kind)(node, v, rel, out, depth)
            else:  # the keywords apply only to values of their type
                out.append(f"{pad}if {TYPES[kind].format(v=v)}:")
                getattr(self, kind)(node, v, rel, out, depth + 1)
                out.append(f"{pad}    pass")

    def one_of(self, v: str, values: list[Any]) -> str:
        """The test that v equals one of the values, as JSON compares them (only strings and null are needed)."""
        if not all(x is None or isinstance(x, str) for x in values):
            raise ValueError(
                f"enum and const values other than strings and null are not supported: {values!r}"
            )
        strings = self.constant(frozenset(x for x in values if x is not None))
        test = f"isinstance({v}, str) and {v} in {strings}"
        return f"{v} is None or {test}" if None in values else test

    def option(self, node: dict[str, Any]) -> Callable[[Any], None]:
        """A oneOf branch as its own small function, compiled now (oneOf is rare: attestation or null)."""
        sub = _Writer(self.root)
        sub.function(node, "option")
        fn: Callable[[Any], None] = _load(sub)["option"]
        return fn

    def object(
        self, node: dict[str, Any], v: str, rel: tuple[str | int, ...], out: list[str], depth: int
    ) -> None:
        pad = "    " * depth
        required = node.get("required", [])
        props: dict[str, Any] = node.get("properties", {})
        if required:
            out += [f"{pad}if not {self.constant(frozenset(required))} <= {v}.keys():"]
            out += [f"{pad}    raise Failure('required', {rel!r})"]
        for key, sub in props.items():
            x = self.name("v")
            if key in required:
                out.append(f"{pad}{x} = {v}[{key!r}]")
                self.node(sub, x, (*rel, key), out, depth)
            else:
                out += [f"{pad}{x} = {v}.get({key!r}, _MISSING)", f"{pad}if {x} is not _MISSING:"]
                self.node(sub, x, (*rel, key), out, depth + 1)
                out.append(f"{pad}    pass")
        extra = node.get("additionalProperties", True)
        if extra is not True:
            if not isinstance(extra, dict):
                raise ValueError("additionalProperties must be a schema here")
            k, x = self.name("k"), self.name("v")
            known = self.constant(frozenset(props))
            out += [
                f"{pad}for {k}, {x} in {v}.items():",
                f"{pad}    if {k} in {known}:",
                f"{pad}        continue",
            ]
            out.append(f"{pad}    try:")
            self.node(extra, x, (), out, depth + 2)
            out.append(f"{pad}        pass")
            out += [
                f"{pad}    except Failure as e:",
                f"{pad}        raise Failure(e.check, {rel!r} + ({k},) + e.path)",
            ]

    def array(
        self, node: dict[str, Any], v: str, rel: tuple[str | int, ...], out: list[str], depth: int
    ) -> None:
        pad = "    " * depth
        if "minItems" in node:
            out += [
                f"{pad}if len({v}) < {int(node['minItems'])}:",
                f"{pad}    raise Failure('minItems', {rel!r})",
            ]
        if "maxItems" in node:
            out += [
                f"{pad}if len({v}) > {int(node['maxItems'])}:",
                f"{pad}    raise Failure('maxItems', {rel!r})",
            ]
        if "items" in node:
            i, x = self.name("i"), self.name("v")
            out += [f"{pad}{i} = 0", f"{pad}try:", f"{pad}    for {x} in {v}:"]
            self.node(node["items"], x, (), out, depth + 2)
            out += [f"{pad}        {i} += 1", f"{pad}except Failure as e:"]
            out.append(f"{pad}    raise Failure(e.check, {rel!r} + ({i},) + e.path) from None")

    def number(
        self, node: dict[str, Any], v: str, rel: tuple[str | int, ...], out: list[str], depth: int
    ) -> None:
        pad = "    " * depth
        if "minimum" in node:
            out += [f"{pad}if {v} < {node['minimum']!r}:", f"{pad}    raise Failure('minimum', {rel!r})"]
        if "maximum" in node:
            out += [f"{pad}if {v} > {node['maximum']!r}:", f"{pad}    raise Failure('maximum', {rel!r})"]

    def string(
        self, node: dict[str, Any], v: str, rel: tuple[str | int, ...], out: list[str], depth: int
    ) -> None:
        pad = "    " * depth
        search = self.constant(re.compile(node["pattern"]).search)
        out += [f"{pad}if {search}({v}) is None:", f"{pad}    raise Failure('pattern', {rel!r})"]


_MISSING = object()


def _ok(fn: Callable[[Any], None], value: object) -> bool:
    try:
        fn(value)
    except Failure:
        return False
    return True


def _load(writer: _Writer) -> dict[str, Any]:
    namespace: dict[str, Any] = {"Failure": Failure, "_MISSING": _MISSING, "_ok": _ok}
    namespace.update(writer.constants)
    # the code is generated from wasp's packaged schema, never from a document
    exec(compile("\n".join(writer.lines), "<wasp schema validator>", "exec"), namespace)
    return namespace


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], None]:
    """A function that returns None for a matching document and raises Failure for any other."""
    writer = _Writer(schema)
    writer.function(schema, "validate")
    fn: Callable[[Any], None] = _load(writer)["validate"]
    return fn
