"""One-property rules as data: a path in the resource, a test of its value, and what to say either way.

Most IaC checks ask one thing of one property ("deletion protection is on", "log exports are not empty").
``expect`` builds such a rule's ``evaluate`` from that description, and ``examples`` its pass and fail cases,
so each rule module stays a few lines of metadata. A value that is unknown (an unresolved reference, a
failed read) makes the verdict unknown through :meth:`ResourceView.get`, never a pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from wasp.model.rule import (
    Evaluate,
    Example,
    ResourceView,
    RuleContext,
    Verdict,
    example_resource,
    failed,
    passed,
)
from wasp.model.status import FindingStatus, Severity
from wasp.rules._iam_refs import is_set, names_declared_resource
from wasp.rules._shape import WrongType, is_boolean, is_number, is_text, read


class Test:
    """A test of a property's value (True when the resource is configured safely), with the type it expects.

    Called directly it is a plain predicate: a value of another type is not safe. Through :func:`expect` (and
    :func:`judge`) a value of another type makes the verdict unknown, naming the property, its type and
    ``expected``, instead of a pass or a failure the template did not state.
    """

    def __init__(self, good: Callable[[Any], bool], expected: str, fits: Callable[[Any], bool]) -> None:
        self.good = good
        self.expected = expected
        self.fits = fits

    def __call__(self, value: Any) -> bool:
        if value is None:  # absent: the test says what absence means (none_of passes, is_true fails)
            return self.good(None)
        return self.fits(value) and self.good(value)


_TRUE = frozenset(("true",))
_FALSE = frozenset(("false",))
_BOOLEAN = "a boolean (true or false)"


def _truth(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


is_true = Test(lambda v: _truth(v) is True, _BOOLEAN, is_boolean)
"""The value is boolean true (or the string CloudFormation accepts for it, "true" in any case)."""

is_false = Test(lambda v: _truth(v) is False, _BOOLEAN, is_boolean)
"""The value is boolean false (or its string form)."""

present = Test(lambda v: v is not None and v != "", "a non-empty string (an id, ARN or name)", is_text)
"""The value is a non-empty string (a key id, a log destination, a name); through :func:`judge`, a reference
to another declared resource's attribute counts as set too (:func:`wasp.rules._iam_refs.names_declared_resource`)."""

listed = Test(
    bool,
    "a non-empty list of strings",
    lambda v: isinstance(v, list) and all(isinstance(i, str) or names_declared_resource(i) for i in v),
)
"""The value is a non-empty list of strings (log types to export, subnet ids, destinations); an entry that is
another declared resource's attribute (``!GetAtt Logs.Arn``) counts as one."""

listed_mappings = Test(
    bool,
    "a non-empty list of mappings",
    lambda v: isinstance(v, list) and all(isinstance(i, Mapping) for i in v),
)
"""The value is a non-empty list of mappings (a web ACL's rules)."""

configured = Test(bool, "a non-empty mapping", lambda v: isinstance(v, Mapping))
"""The value is a non-empty mapping (a logging block)."""


def at_least(minimum: float) -> Test:
    """The value is a number (or numeric string) of at least ``minimum``."""
    return Test(lambda v: v is not None and float(v) >= minimum, "a number", is_number)


def _fits_any(allowed: tuple[Any, ...]) -> tuple[str, Callable[[Any], bool]]:
    checks: list[Callable[[Any], bool]] = []
    names: list[str] = []
    if any(isinstance(a, bool) for a in allowed) or any(
        isinstance(a, str) and is_boolean(a) for a in allowed
    ):
        checks.append(is_boolean)
        names.append("a boolean")
    if any(isinstance(a, str) and not is_boolean(a) for a in allowed):
        checks.append(is_text)
        names.append("a string")
    if any(isinstance(a, (int, float)) and not isinstance(a, bool) for a in allowed):
        checks.append(is_number)
        names.append("a number")
    return " or ".join(names) or "a value", lambda v: any(c(v) for c in checks)


def one_of(*allowed: Any) -> Test:
    """The value is one of ``allowed`` (strings compared case-insensitively)."""
    folded = {a.lower() if isinstance(a, str) else a for a in allowed}
    kinds, fits = _fits_any(allowed)
    return Test(
        lambda v: (v.lower() if isinstance(v, str) else v) in folded,
        f"{kinds} ({', '.join(str(a) for a in allowed)})",
        fits,
    )


def none_of(*forbidden: Any) -> Test:
    """The value is none of ``forbidden`` (strings compared case-insensitively)."""
    inside = one_of(*forbidden)
    return Test(lambda v: not inside.good(v), inside.expected.split(" (")[0], inside.fits)


def judge(view: ResourceView, path: str, test: Callable[[Any], bool], default: Any = None) -> bool:
    """Whether the value at ``path`` (``default`` when absent) passes ``test``.

    Raises :class:`UnresolvedRead` when the value is unknown and :class:`WrongType` when it (or a parent on the
    way) has a type the test does not expect. :data:`present` also accepts another declared resource's
    attribute, known only after deploy but certainly set.
    """
    if test is present:
        return is_set(view, path) or (default is not None and present(default))
    value = read(view, path)
    if value is None:
        return bool(test(default))
    if isinstance(test, Test):
        if not test.fits(value):
            raise WrongType(path, value, test.expected)
        return test.good(value)
    return test(value)


def expect(
    path: str,
    test: Callable[[Any], bool],
    *,
    ok: str,
    bad: str,
    default: Any = None,
    applies: Callable[[ResourceView], bool] | None = None,
    severity: Severity | None = None,
) -> Evaluate:
    """An ``evaluate`` that passes when ``test`` accepts the value at ``path`` (``default`` when absent).

    ``ok`` and ``bad`` are messages; ``{name}`` in them becomes the resource's name and ``{value}`` the value
    read. ``applies`` returning False means the rule does not apply to this resource (no finding);
    ``severity`` overrides the rule's severity on failures. A value of a type ``test`` does not expect makes
    the verdict unknown (see :func:`judge`).
    """

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if applies is not None and not applies(view):
            return None
        good = judge(view, path, test, default)
        value = view.peek(path, default)
        words = {"name": view.resource.origin.address or view.id, "value": value}
        if good:
            return passed(ok.format_map(words))
        return failed(bad.format_map(words), severity)

    evaluate.__doc__ = f"Pass when {path} is configured safely: {ok}"
    return evaluate


def examples(
    resource_type: str,
    passing: Iterable[tuple[str, Mapping[str, Any]]],
    failing: Iterable[tuple[str, Mapping[str, Any]]],
) -> tuple[Example, ...]:
    """Named pass and fail examples for a rule on ``resource_type``."""
    return tuple(
        Example(name, example_resource(resource_type, props), status)
        for cases, status in ((passing, FindingStatus.PASS), (failing, FindingStatus.FAIL))
        for name, props in cases
    )
