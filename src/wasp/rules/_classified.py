"""Shared check: a data store carries a classification tag with a known value."""

from __future__ import annotations

from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed
from wasp.rules._common import CLASSIFICATIONS, classification


def classified_verdict(view: ResourceView, ctx: RuleContext, what: str) -> Verdict:
    """Fail when the tag is missing or its value is not in the scheme."""
    key = ctx.workload.classification_tag
    value = classification(view, ctx)
    if value is None:
        return failed(f"{what} {view.id} has no {key} tag")
    if value not in CLASSIFICATIONS:
        return failed(f"{what} {view.id} has {key}={value}, not one of {', '.join(sorted(CLASSIFICATIONS))}")
    return passed(f"{key}={value}")
