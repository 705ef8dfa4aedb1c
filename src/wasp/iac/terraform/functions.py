"""Terraform's built-in functions that IaC scanning needs, over plain values with Unresolved propagating.

A function not listed here evaluates to an Unresolved value naming it, so a rule reading its result answers
unknown. ``jsonencode`` returns the object itself (not its text): policies keep their structure, and an
unknown ARN inside one leaves only that leaf unknown (an unknown statement is a statement of which nothing is
known, see :func:`wasp.iac.terraform.policy_document.with_unknown_statements`).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from typing import Any

from wasp.iac.terraform.policy_document import with_unknown_statements
from wasp.model import Unresolved


def _known(*args: Any) -> Unresolved | None:
    for a in args:
        if isinstance(a, Unresolved):
            return a
    return None


def to_text(value: Any) -> str:
    """A value as Terraform renders it inside a string (a list or map as JSON: what ``jsonencode`` gives).

    Raises TypeError for a list or map with an unknown part (callers make that unknown)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | dict):  # jsonencode() keeps the object; in a string it is its JSON text
        return json.dumps(value, separators=(",", ":"))
    return "" if value is None else str(value)


def _strict(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Any unknown argument makes the result unknown."""

    def call(*args: Any) -> Any:
        bad = _known(*args)
        if bad is None and any(isinstance(a, list) and _known(*a) for a in args):
            bad = next(_known(*a) for a in args if isinstance(a, list) and _known(*a))
        return bad if bad is not None else fn(*args)

    return call


def _length(v: Any) -> Any:
    return len(v) if isinstance(v, list | dict | str) else 0


def _coalesce(*args: Any) -> Any:
    for a in args:
        if isinstance(a, Unresolved):
            return a
        if a not in (None, ""):
            return a
    return None


def _lookup(m: Any, key: Any, *default: Any) -> Any:
    if isinstance(m, Unresolved) or isinstance(key, Unresolved):
        return m if isinstance(m, Unresolved) else key
    if isinstance(m, Mapping) and key in m:
        return m[key]
    return default[0] if default else Unresolved(f"lookup: no key {key}")


def _merge(*maps: Any) -> Any:
    out: dict[str, Any] = {}
    for m in maps:
        if isinstance(m, Unresolved):
            return m
        if isinstance(m, Mapping):
            out.update(m)
    return out


def _flatten(v: Any) -> Any:
    out: list[Any] = []
    for item in v if isinstance(v, list) else [v]:
        out.extend(_flatten(item) if isinstance(item, list) else [item])
    return out


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a value, for finding duplicates in linear time."""
    if isinstance(value, Mapping):
        return ("map", tuple(sorted((str(k), _frozen(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return ("list", tuple(_frozen(v) for v in value))
    try:
        hash(value)
    except TypeError:
        return ("other", repr(value))
    return (type(value).__name__, value)


def _distinct(v: list[Any]) -> list[Any]:
    """The first of each equal element, in order (linear, not quadratic: lists here may be long)."""
    seen: set[Any] = set()
    out = []
    for x in v:
        key = _frozen(x)
        if key not in seen:
            seen.add(key)
            out.append(x)
    return out


def _toset(v: Any) -> Any:
    """Distinct elements; a set of strings iterates in lexical order, as Terraform's does."""
    if not isinstance(v, list):
        return v
    distinct = _distinct(v)
    return sorted(distinct) if all(isinstance(x, str) for x in distinct) else distinct


def _format(fmt: str, *args: Any) -> Any:
    out, i, n = [], 0, 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == "%" and i + 1 < len(fmt):
            verb = fmt[i + 1]
            if verb == "%":
                out.append("%")
            else:
                out.append(to_text(args[n]) if n < len(args) else "")
                n += 1
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _range(*args: Any) -> Any:
    """Terraform's range, which refuses more than 1,024 elements."""
    numbers = range(*(int(x) for x in args))
    return list(numbers) if len(numbers) <= 1024 else Unresolved("range() of more than 1024 elements")


def _element(v: list[Any], i: int) -> Any:
    return v[int(i) % len(v)] if v else Unresolved("element of an empty list")


def _try(*args: Any) -> Any:
    for a in args:
        if not isinstance(a, Unresolved):
            return a
    return args[-1] if args else None


def _one(v: Any) -> Any:
    return v[0] if isinstance(v, list) and len(v) == 1 else None if v == [] else v


FUNCTIONS: dict[str, Callable[..., Any]] = {
    "length": _strict(_length),
    "lower": _strict(lambda s: str(s).lower()),
    "upper": _strict(lambda s: str(s).upper()),
    "title": _strict(lambda s: str(s).title()),
    "trimspace": _strict(lambda s: str(s).strip()),
    "replace": _strict(lambda s, a, b: str(s).replace(str(a), str(b))),
    "substr": _strict(lambda s, o, n: str(s)[int(o) : int(o) + int(n)] if int(n) >= 0 else str(s)[int(o) :]),
    "startswith": _strict(lambda s, p: str(s).startswith(str(p))),
    "endswith": _strict(lambda s, p: str(s).endswith(str(p))),
    "format": _strict(_format),
    "join": _strict(lambda sep, v: str(sep).join(to_text(x) for x in v)),
    "split": _strict(lambda sep, s: str(s).split(str(sep))),
    "concat": _strict(lambda *ls: [x for lst in ls for x in lst]),
    "merge": _merge,
    "lookup": _lookup,
    "element": _strict(_element),
    "contains": _strict(lambda v, x: x in v),
    "keys": _strict(lambda m: sorted(m)),
    "values": _strict(lambda m: [m[k] for k in sorted(m)]),
    "coalesce": _coalesce,
    "compact": _strict(lambda v: [x for x in v if x not in (None, "")]),
    "flatten": _strict(_flatten),
    "distinct": _strict(_distinct),
    "toset": _toset,
    "tolist": lambda v: v,
    "tomap": lambda v: v,
    "tostring": _strict(to_text),
    "tonumber": _strict(lambda v: float(v) if "." in str(v) else int(v)),
    "tobool": _strict(lambda v: v if isinstance(v, bool) else str(v).lower() == "true"),
    "jsonencode": lambda v: with_unknown_statements(v),
    "jsondecode": _strict(lambda s: json.loads(s) if isinstance(s, str) else s),
    "base64encode": _strict(lambda s: base64.b64encode(to_text(s).encode()).decode()),
    "base64decode": _strict(lambda s: base64.b64decode(str(s)).decode("utf-8", "replace")),
    "max": _strict(lambda *v: max(v)),
    "min": _strict(lambda *v: min(v)),
    "abs": _strict(abs),
    "range": _strict(_range),
    "zipmap": _strict(lambda k, v: dict(zip(k, v, strict=False))),
    "one": _strict(_one),
    "sort": _strict(lambda v: sorted(v, key=to_text)),
    "reverse": _strict(lambda v: list(reversed(v))),
    "slice": _strict(lambda v, a, b: v[int(a) : int(b)]),
    "formatlist": _strict(lambda f, *ls: [_format(f, *xs) for xs in zip(*ls, strict=False)]),
    "try": _try,
    "can": lambda v: not isinstance(v, Unresolved),
}


def _chars(value: Any) -> int:
    return (
        len(value)
        if isinstance(value, str)
        else len(to_text(value))
        if not isinstance(value, list | dict)
        else 0
    )


def estimate(name: str, args: list[Any]) -> int:
    """Characters a call may build before its result can be counted (``replace`` with an empty pattern and
    ``join`` with a long separator multiply their input); 0 for functions whose result is no larger than
    what they were given."""
    if name == "replace" and len(args) == 3:
        text, old, new = (_chars(a) for a in args)
        return text * (new + 1) if old == 0 else text + (text // old) * max(0, new - old)
    if name == "join" and len(args) == 2 and isinstance(args[1], list):
        return _chars(args[0]) * len(args[1]) + sum(_chars(x) for x in args[1])
    if name in ("format", "formatlist") and args:
        lists = [a for a in args[1:] if isinstance(a, list)]
        rows = max(min((len(x) for x in lists), default=1), 1)
        items = sum(_chars(x) for a in args[1:] for x in (a if isinstance(a, list) else [a]))
        return _chars(args[0]) * rows + items
    return 0
