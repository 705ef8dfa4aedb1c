"""Shared reading of the organisation configuration of the security services (organisation reviews only).

The ``orgservices`` collector reads, in every region of the account an organisation review starts from, one
``WASP::Organizations::ServiceConfiguration`` per service: ``Service`` (guardduty, securityhub, inspector2,
config, cloudtrail) and its ``Configuration`` as the service answered it, or an Unresolved value naming the
failed read (the account does not administer that service). Each org-configuration rule judges the resources
of one service through :func:`judge`, which turns a failed read into an UNKNOWN verdict naming the read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wasp.model import SUPPLEMENTARY, Resource
from wasp.model.rule import (
    ResourceView,
    RuleContext,
    UnresolvedRead,
    Verdict,
    contains_unresolved,
    example_resource,
    unknown,
)

SERVICE_CONFIGURATION = "WASP::Organizations::ServiceConfiguration"
"""One resource per (service, region) of the reviewing account: ``Service`` and ``Configuration``."""
ORG = "AWS::Organizations::Organization"

Decide = Callable[[ResourceView, RuleContext], Verdict]
"""Judges one region's readable configuration of the service (reading it with :func:`setting`)."""


def judge(view: ResourceView, ctx: RuleContext, service: str, title: str, decide: Decide) -> Verdict | None:
    """None for another service's resource; UNKNOWN naming the read when the configuration could not be read."""
    if view.peek("Service") != service:
        return None
    raw = view.resource.properties.get("Configuration")
    broken = contains_unresolved(raw)
    if broken is not None:
        view.note("Configuration", raw)
        return unknown(
            f"the {title} organisation configuration in {view.resource.region} could not be read "
            f"({broken.reason}): only the account that administers {title} for the organisation can read it; "
            "run the review from its delegated administrator"
        )
    if not isinstance(raw, Mapping):
        view.note("Configuration", raw)
        return unknown(f"the {title} organisation configuration in {view.resource.region} is malformed")
    return decide(view, ctx)


def setting(view: ResourceView, path: str) -> Any:
    """One value of the configuration (recorded as evidence: only what decides the verdict is)."""
    return view.peek(f"Configuration.{path}")


def delegated_administrators(view: ResourceView, ctx: RuleContext, principal: str) -> list[str] | None:
    """The accounts delegated to administer ``principal``, as the reviewing account's organisation read them.

    None when they are not known here (no organisation resource, or the listing was refused).
    """
    account = view.resource.account
    org = next((o for o in ctx.inventory.of_type(ORG) if o.account == account), None)
    if org is None:
        return None
    try:
        delegated = view.neighbour(org).get(f"{SUPPLEMENTARY}.DelegatedAdministrators")
    except UnresolvedRead:
        return None
    if not isinstance(delegated, Mapping):
        return None
    return [str(a) for a in delegated.get(principal, [])]


def configuration_example(service: str, configuration: Any, region: str = "eu-west-2") -> Resource:
    """A ``ServiceConfiguration`` resource for a rule example."""
    return example_resource(
        SERVICE_CONFIGURATION,
        {"Service": service, "Configuration": configuration},
        f"{service}/{region}",
        region=region,
    )


def organisation_example(delegated: Any, management: bool = True) -> Resource:
    """The reviewing account's organisation with its delegated administrators, for rule examples."""
    props = {SUPPLEMENTARY: {"CallerIsManagement": management, "DelegatedAdministrators": delegated}}
    return example_resource(ORG, props, "o-abc")
