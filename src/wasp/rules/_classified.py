"""Shared check: a data store carries a classification tag with a recognised value."""

from __future__ import annotations

from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed
from wasp.rules._common import CLASSIFICATIONS, classify


def classified_verdict(view: ResourceView, ctx: RuleContext, what: str) -> Verdict:
    """Fail when no classification key is present or its value is no recognised spelling of a level."""
    found = classify(view, ctx)
    if found.key is None:
        keys = ", ".join(ctx.workload.classification_keys)
        return failed(f"{what} {view.id} has no data classification tag (looked for {keys})")
    if found.level is None:
        levels = ", ".join(sorted(CLASSIFICATIONS))
        return failed(
            f"{what} {view.id} has {found.key}={found.value}, which is not a recognised classification: "
            f"use one of {levels}, or map the value under classification.values in the workload file"
        )
    return passed(f"{found.key}={found.value} ({found.level})")
