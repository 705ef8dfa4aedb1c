"""String templates (quoted strings, heredocs) whose interpolations are values: text, or JSON with unknown parts.

A template whose interpolations are all known is its text. One with an unknown interpolation is unknown, unless
its literal text is a JSON document (a heredoc policy, ``"{\\"Statement\\": ...}"``): then it is that document,
parsed, with only the parts the unknowns fall in left unknown. An unknown inside a JSON string makes that string
an :class:`wasp.model.Unresolved` leaf; one in a value position (``"Action": ${jsonencode(var.actions)}``)
becomes the value itself, known or not. So ``"Resource": "arn:aws:s3:::${var.bucket}/*"`` beside a literal
``"Action": "*"`` leaves the action readable.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from wasp.iac.terraform.functions import to_text
from wasp.iac.terraform.policy_document import with_unknown_statements
from wasp.model import Unresolved

Part = tuple[bool, Any]
"""(is literal text, value): literal text from the file, or the value of an interpolation."""

_OPEN, _CLOSE = "\ue000", "\ue001"
"""Private-use characters that bracket a placeholder (valid inside JSON strings, never in a policy)."""
_PLACEHOLDER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


def first_unknown(value: Any) -> Unresolved | None:
    """The first Unresolved value inside ``value`` (itself, or in a list or map), if any."""
    if isinstance(value, Unresolved):
        return value
    children = value.values() if isinstance(value, Mapping) else value if isinstance(value, list) else ()
    for child in children:
        found = first_unknown(child)
        if found is not None:
            return found
    return None


def render(parts: list[Part]) -> Any:
    """The value of a template: its text when every part is known; else a JSON document with unknown parts,
    or the first unknown when the literal text is not JSON."""
    unknown = next((u for lit, v in parts if not lit for u in [first_unknown(v)] if u is not None), None)
    if unknown is None:
        return "".join(to_text(v) for _, v in parts)
    literal = "".join(str(v) for lit, v in parts if lit)
    if not literal.lstrip().startswith(("{", "[")) or _OPEN in literal or _CLOSE in literal:
        return unknown
    text, values = _with_placeholders(parts)
    try:
        document = json.loads(text)
    except ValueError:
        return unknown
    return with_unknown_statements(_restore(document, values))


def _with_placeholders(parts: list[Part]) -> tuple[str, list[Any]]:
    """The template's text with each interpolation that is unknown or structured replaced by a placeholder
    (quoted when it stands where a JSON value does), and the values the placeholders stand for."""
    out: list[str] = []
    values: list[Any] = []
    in_string = escaped = False
    for literal, value in parts:
        if not literal:
            if first_unknown(value) is None:
                text = to_text(value) if in_string or isinstance(value, str) else json.dumps(value)
            else:
                mark = f"{_OPEN}{len(values)}{_CLOSE}"
                values.append(value)
                out.append(mark if in_string else f'"{mark}"')
                continue
        else:
            text = str(value)
        for ch in text:  # follow whether the text so far is inside a JSON string
            if escaped:
                escaped = False
            elif ch == "\\" and in_string:
                escaped = True
            elif ch == '"':
                in_string = not in_string
        out.append(text)
    return "".join(out), values


def _restore(node: Any, values: list[Any]) -> Any:
    """Put the placeholders' values back: a whole-string placeholder is its value; a string that only contains
    one is unknown (the unknown it holds); a key that holds one makes its object unknown."""
    if isinstance(node, str):
        if _OPEN not in node:
            return node
        whole = _PLACEHOLDER.fullmatch(node)
        if whole is not None:
            return values[int(whole.group(1))]
        for m in _PLACEHOLDER.finditer(node):
            found = first_unknown(values[int(m.group(1))])
            if found is not None:
                return found
        return Unresolved("a string built from a structured value")
    if isinstance(node, list):
        return [_restore(v, values) for v in node]
    if isinstance(node, dict):
        for key in node:
            if _OPEN in key:
                return next(
                    (
                        u
                        for m in _PLACEHOLDER.finditer(key)
                        for u in [first_unknown(values[int(m.group(1))])]
                        if u
                    ),
                    Unresolved("an object key known only after apply"),
                )
        return {k: _restore(v, values) for k, v in node.items()}
    return node
