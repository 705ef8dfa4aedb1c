"""Settings that name another declared resource: set, even though the name itself is known only after deploy.

A template that sets ``KMSKeyId: !GetAtt Key.Arn`` or ``cloud_watch_logs_group_arn = aws_cloudwatch_log_group.t.arn``
has certainly set the property: the value is an attribute of a resource the same source declares, known only
once it exists. The readers give such a value as :class:`wasp.model.Unresolved` (its text says which attribute of
which resource), so a rule asking only *whether* the property is set would answer unknown. These helpers
recognise that case. Anything else unknown (a parameter without a default, a variable, a module output, a value
that may be empty) stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from wasp.model import Unresolved
from wasp.model.rule import Evaluate, ResourceView, RuleContext, Verdict, failed, passed
from wasp.rules._shape import WrongType, check_parents, is_text

_DECLARED = re.compile(
    r"(Fn::GetAtt [A-Za-z0-9]+\.[A-Za-z0-9.]+ is known only after deployment"
    r"|(data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+(\[[^\]]*\])?\.[a-z0-9_]+ is known only after apply)\Z"
)


def names_declared_resource(value: Any) -> bool:
    """True when ``value`` is an attribute of a resource (or data source) declared in the same source."""
    return isinstance(value, Unresolved) and _DECLARED.match(value.reason) is not None


def is_set(
    view: ResourceView,
    path: str,
    fits: Callable[[Any], bool] = is_text,
    expected: str = "a non-empty string (an id, ARN or name)",
) -> bool:
    """Whether ``path`` is set: a known non-empty value of the expected type, or another declared resource's
    attribute. The one place that decides "a property set to a reference counts as set".

    Any other unknown value raises through :meth:`ResourceView.get` (the verdict becomes unknown), and a value
    (or parent) of another type than ``fits`` accepts raises :class:`wasp.rules._shape.WrongType`.
    """
    check_parents(view, path)
    value = view.peek(path)
    if names_declared_resource(value):
        view.note(f"{path} (declared resource)", value.reason)
        return True
    value = view.get(path)
    if value is None or value == "":
        return False
    if not fits(value):
        raise WrongType(path, value, expected)
    return value not in ([], {})


def expect_set(path: str, *, ok: str, bad: str) -> Evaluate:
    """An ``evaluate`` passing when ``path`` is set (see :func:`is_set`); ``{name}`` in ``bad`` is the resource."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if is_set(view, path):
            return passed(ok)
        return failed(bad.format_map({"name": view.resource.origin.address or view.id}))

    evaluate.__doc__ = f"Pass when {path} is set: {ok}"
    return evaluate


_PSEUDO = re.compile(
    r"AWS::(AccountId|Region|Partition|URLSuffix|StackName|StackId) is known only at deploy time( \(.*\))?\Z"
)
_NAME = r"(AWS::(AccountId|Region|Partition|URLSuffix|StackName|StackId)|[A-Za-z0-9]+\.[A-Za-z0-9.]+)"
_SUB_OF_KNOWN_KINDS = re.compile(rf"Fn::Sub uses {_NAME}(, {_NAME})*\Z")
"""A ``!Sub`` missing only pseudo parameters and resource attributes: none of them is ``*``, so neither is it."""
SPECIFIC = "arn:aws:unknown:::known-at-deploy"
"""What a resource that is certainly not ``*`` (an ARN built from the account id, another resource's ARN) stands
for when a statement's ``Resource`` is judged."""


def never_wildcard(value: Any) -> bool:
    """True when an unknown value cannot be ``*``: a declared resource's attribute, or a string built from a
    pseudo parameter (``!Sub arn:aws:sqs:${AWS::Region}:${AWS::AccountId}:orders``)."""
    if not isinstance(value, Unresolved):
        return False
    return (
        names_declared_resource(value)
        or _PSEUDO.match(value.reason) is not None
        or _SUB_OF_KNOWN_KINDS.match(value.reason) is not None
    )


def specific_resources(value: Any) -> Any:
    """A ``Resource`` element with each unknown entry that cannot be ``*`` replaced by :data:`SPECIFIC`."""
    if never_wildcard(value):
        return SPECIFIC
    if isinstance(value, list):
        return [SPECIFIC if never_wildcard(v) else v for v in value]
    return value
