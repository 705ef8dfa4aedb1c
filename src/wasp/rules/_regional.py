"""Account rules of the form 'a detector/analyser/hub is on in every in-scope region'."""

from __future__ import annotations

from collections.abc import Callable

from wasp.model import Resource
from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed
from wasp.rules._common import in_scope_regions


def every_region(
    view: ResourceView,
    ctx: RuleContext,
    resource_type: str,
    what: str,
    good: Callable[[Resource], bool] = lambda _: True,
) -> Verdict:
    """Pass when each in-scope region has a resource of ``resource_type`` for which ``good`` holds."""
    regions = in_scope_regions(view, ctx)
    ok = {r.region for r in ctx.inventory.of_type(resource_type) if good(r)}
    missing = [r for r in regions if r not in ok]
    view.note("regions_missing", missing)
    if missing:
        return failed(f"{what} is not enabled in {', '.join(missing)}")
    return passed(f"{what} is enabled in {', '.join(regions)}")
