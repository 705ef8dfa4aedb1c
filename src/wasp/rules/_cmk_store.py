"""Customer-managed keys on every store of a type (the low-severity "CMK everywhere" rules).

:func:`cmk_everywhere` builds an ``evaluate`` on :func:`wasp.rules._data_checks.expect_key` with two additions:

- where a ``*_cmk_for_sensitive`` rule judges the same key on confidential and restricted stores, this rule
  leaves those stores to it (not applicable here), so one property is never reported twice; it decides the rest,
  and a store whose tags are unknown too (the sensitive rule is then unknown);
- on a live resource, a property the collector does not write (``needs``) makes the verdict UNKNOWN: absence
  there means "not read", never AWS's default. Templates and Terraform declare everything, so absence is the
  default key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from wasp.model import FindingStatus, OriginKind, Unresolved
from wasp.model.rule import (
    Evaluate,
    Example,
    ResourceView,
    RuleContext,
    Verdict,
    contains_unresolved,
    example_resource,
    unknown,
)
from wasp.rules._common import SENSITIVE, classification
from wasp.rules._data_checks import expect_key

DECLARED = (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM)
"""Origins that declare every property they set: there an absent property is the default."""
CMK = "arn:aws:kms:eu-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
"""A customer-managed key for examples."""
RESTRICTED = [{"Key": "data-classification", "Value": "restricted"}]
"""Tags that make an example store restricted (its sensitive rule decides)."""


def sensitive(view: ResourceView, ctx: RuleContext) -> bool:
    """The store is classified confidential or restricted (False when its tags are unknown or unset)."""
    if contains_unresolved(view.peek("Tags")) is not None:
        return False
    return classification(view, ctx) in SENSITIVE


def not_read_live(view: ResourceView, needs: Sequence[str]) -> str | None:
    """The first of ``needs`` (top-level properties) a live collector did not write, or None."""
    if view.resource.origin.kind in DECLARED:
        return None
    return next((p for p in needs if p not in view.resource.properties), None)


def cmk_everywhere(
    path: str,
    *,
    what: str,
    applies: Callable[[ResourceView], bool] | None = None,
    needs: Sequence[str] = (),
    sensitive_rule: str | None = None,
) -> Evaluate:
    """Pass when the key at ``path`` is customer-managed; ``what`` names the store in messages.

    ``applies`` limits the rule (e.g. to encrypted stores: an unencrypted one fails its encryption rule);
    ``needs`` are the top-level properties it reads (``path``'s first part is always one) that must have been
    collected live; ``sensitive_rule`` names the rule that decides confidential and restricted stores.
    """
    top = path.split(".", 1)[0]
    keyed = expect_key(
        path,
        ok=f"{what} encrypted with a customer-managed key",
        bad=f"{what} {{name}} is not encrypted with a customer-managed KMS key",
    )

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        missing = not_read_live(view, needs)
        if missing is not None:
            return unknown(f"{missing} of {what} {view.id} is not read live")
        if applies is not None and not applies(view):
            return None
        if sensitive_rule is not None and sensitive(view, ctx):
            return None  # decided by the sensitive rule, at its severity
        if not_read_live(view, (top,)) is not None:
            return unknown(f"{top} of {what} {view.id} is not read live, so its key is unknown")
        return keyed(view, ctx)

    decider = f"; confidential and restricted ones are left to {sensitive_rule}" if sensitive_rule else ""
    evaluate.__doc__ = f"Pass when {path} names a customer-managed KMS key{decider}."
    return evaluate


def cmk_examples(
    resource_type: str,
    path: str,
    *,
    base: dict[str, Any] | None = None,
    bad: Sequence[tuple[str, Any]] = (("default-key", None),),
) -> tuple[Example, ...]:
    """Pass with a CMK at ``path``, fail with each of ``bad`` (None: the key left out), unknown with a key known
    only at deploy time, and unknown on a live store whose key property the collector did not write."""

    top = path.split(".", 1)[0]

    def props(key: Any) -> dict[str, Any]:
        out: dict[str, Any] = dict(base or {})
        if key is not None:
            _place(out, path, key)
        elif "." not in path:
            out.setdefault(path, None)  # a live collector writes the property even when no key is set
        return out

    cases = [
        Example("cmk", example_resource(resource_type, props(CMK)), FindingStatus.PASS),
        *(
            Example(name, example_resource(resource_type, props(key)), FindingStatus.FAIL)
            for name, key in bad
        ),
        Example(
            "known-after-deploy",
            example_resource(resource_type, props(Unresolved("known only after deploy"))),
            FindingStatus.UNKNOWN,
        ),
        Example(
            "not-read-live",
            example_resource(resource_type, {k: v for k, v in (base or {}).items() if k != top}),
            FindingStatus.UNKNOWN,
        ),
    ]
    return tuple(cases)


def _place(props: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at the dotted ``path`` in ``props``, copying the maps on the way."""
    head, _, rest = path.partition(".")
    if not rest:
        props[head] = value
        return
    inner = props.get(head)
    inner = dict(inner) if isinstance(inner, dict) else {}
    _place(inner, rest, value)
    props[head] = inner
