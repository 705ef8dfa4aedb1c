"""Copy tags to snapshots, shared by the RDS instance, RDS cluster and Neptune cluster rules.

A snapshot without its source's tags loses the data-classification, owner and environment tags that tag-based
access control (ABAC conditions on ``aws:ResourceTag``), backup and retention policies and a classification
inventory rely on, so a copy of confidential data is handled as unclassified.
"""

from __future__ import annotations

from collections.abc import Callable

from wasp.model import FindingStatus, OriginKind, Resource, Unresolved
from wasp.model.resource import Origin
from wasp.model.rule import Evaluate, Example, ResourceView, RuleContext, Verdict, example_resource, unknown
from wasp.rules._cmk_store import not_read_live
from wasp.rules._expect import expect, is_true

WHY = __doc__.split("\n\n", 1)[1].replace("\n", " ").strip()
"""The rules' description."""


def copy_tags(what: str, applies: Callable[[ResourceView], bool] | None = None) -> Evaluate:
    """Pass when ``CopyTagsToSnapshot`` is true (false when absent: the API's default); unknown on a live
    resource whose collector did not read it."""
    decide = expect(
        "CopyTagsToSnapshot",
        is_true,
        ok="tags copied to snapshots",
        bad=f"{what} {{name}} does not copy its tags to snapshots",
        default=False,
        applies=applies,
    )

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if not_read_live(view, ("CopyTagsToSnapshot",)) is not None:
            return unknown(f"CopyTagsToSnapshot of {what} {view.id} was not read")
        return decide(view, ctx)

    evaluate.__doc__ = decide.__doc__
    return evaluate


def copy_tags_examples(resource_type: str, base: dict[str, object] | None = None) -> tuple[Example, ...]:
    """Pass when on, fail when off or absent in a template, unknown when unknown or not read live."""
    props = dict(base or {})
    template = Resource(
        type=resource_type,
        id="Example",
        properties=props,
        origin=Origin(kind=OriginKind.CLOUDFORMATION, address="Example"),
    )
    return (
        Example(
            "on", example_resource(resource_type, {**props, "CopyTagsToSnapshot": True}), FindingStatus.PASS
        ),
        Example(
            "off", example_resource(resource_type, {**props, "CopyTagsToSnapshot": False}), FindingStatus.FAIL
        ),
        Example(
            "parameter",
            example_resource(resource_type, {**props, "CopyTagsToSnapshot": Unresolved("a parameter")}),
            FindingStatus.UNKNOWN,
        ),
        Example("template-default", template, FindingStatus.FAIL),
        Example("not-read-live", example_resource(resource_type, props), FindingStatus.UNKNOWN),
    )
