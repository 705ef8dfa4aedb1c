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

Test = Callable[[Any], bool]
"""A test of a property's value: True when the resource is configured safely."""

_TRUE = (True, "true", "True", "TRUE")
_FALSE = (False, "false", "False", "FALSE")


def is_true(value: Any) -> bool:
    """The value is boolean true (or the string CloudFormation accepts for it)."""
    return value in _TRUE


def is_false(value: Any) -> bool:
    """The value is boolean false (or its string form)."""
    return value in _FALSE


def present(value: Any) -> bool:
    """The value is set and not empty (a key id, a log destination, a non-empty list)."""
    return value not in (None, "", [], {})


def at_least(minimum: float) -> Test:
    """The value is a number (or numeric string) of at least ``minimum``."""

    def test(value: Any) -> bool:
        try:
            return float(value) >= minimum
        except (TypeError, ValueError):
            return False

    return test


def one_of(*allowed: Any) -> Test:
    """The value is one of ``allowed`` (strings compared case-insensitively)."""
    folded = {a.lower() if isinstance(a, str) else a for a in allowed}
    return lambda value: (value.lower() if isinstance(value, str) else value) in folded


def none_of(*forbidden: Any) -> Test:
    """The value is none of ``forbidden`` (strings compared case-insensitively)."""
    inside = one_of(*forbidden)
    return lambda value: not inside(value)


def expect(
    path: str,
    test: Test,
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
    ``severity`` overrides the rule's severity on failures.
    """

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if applies is not None and not applies(view):
            return None
        value = view.get(path, default)
        words = {"name": view.resource.origin.address or view.id, "value": value}
        if test(value):
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
