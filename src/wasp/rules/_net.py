"""Shared pieces of the network and compute rules: declared-only checks, template examples, world CIDRs.

Many network properties (load balancer attributes, CloudFront logging, stage access logs, container flags) are
read from templates and Terraform but not yet from a live account. :func:`declared_only` makes such a rule answer
UNKNOWN on a live resource instead of judging a property that was never read, and :func:`declared_examples`
builds its examples from a template origin, with the live UNKNOWN case added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from wasp.model import FindingStatus, Origin, OriginKind, Resource
from wasp.model.rule import (
    Evaluate,
    Example,
    ResourceView,
    RuleContext,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._iam_refs import is_set
from wasp.rules._shape import entries, expect_type, is_scalar

WORLD = ("0.0.0.0/0", "::/0")
"""CIDRs that mean the whole internet."""

DECLARED = (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM)
"""Origins that describe a resource in full: what a template leaves out takes its documented default."""


def declared_only(evaluate: Evaluate, what: str) -> Evaluate:
    """``evaluate`` on templates and Terraform; UNKNOWN on a live resource, whose ``what`` is not collected."""

    def wrapped(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if view.resource.origin.kind not in DECLARED:
            return unknown(f"{what} of {view.id} is not read from a live account; review it in the template")
        return evaluate(view, ctx)

    wrapped.__doc__ = evaluate.__doc__
    return wrapped


def declared(resource_type: str, props: Mapping[str, Any], rid: str = "Example") -> Resource:
    """A resource as a CloudFormation template declares it (for examples)."""
    origin = Origin(OriginKind.CLOUDFORMATION, file="template.yaml", line=1, address=rid)
    return Resource(type=resource_type, id=rid, properties=dict(props), origin=origin)


def declared_examples(
    resource_type: str,
    passing: Iterable[tuple[str, Mapping[str, Any]]],
    failing: Iterable[tuple[str, Mapping[str, Any]]],
    unknown_cases: Iterable[tuple[str, Mapping[str, Any]]] = (),
    *,
    live_unknown: bool = True,
) -> tuple[Example, ...]:
    """Pass, fail and unknown examples declared in a template; with ``live_unknown``, the first failing case
    seen live (where the property is not collected) must be UNKNOWN."""
    failing = list(failing)
    out = [
        Example(name, declared(resource_type, props), status)
        for cases, status in (
            (passing, FindingStatus.PASS),
            (failing, FindingStatus.FAIL),
            (unknown_cases, FindingStatus.UNKNOWN),
        )
        for name, props in cases
    ]
    if live_unknown and failing:
        name, props = failing[0]
        out.append(Example(f"live-{name}", example_resource(resource_type, props), FindingStatus.UNKNOWN))
    return tuple(out)


def world_open(cidr: Any) -> bool:
    """The CIDR is the whole internet."""
    return cidr in WORLD


def expect_set(
    path: str,
    *,
    ok: str,
    bad: str,
    applies: Callable[[ResourceView], bool] | None = None,
    refuse: Callable[[Any], bool] | None = None,
) -> Evaluate:
    """An ``evaluate`` that passes when ``path`` is set (:func:`wasp.rules._iam_refs.is_set`): a key or destination
    known only after deploy (``!GetAtt Key.Arn``, ``aws_kms_key.x.arn``) is set all the same. ``refuse`` rejects known values that
    do not count (an AWS managed key alias); ``{name}`` in the messages is the resource's name."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if applies is not None and not applies(view):
            return None
        name = view.resource.origin.address or view.id
        if not is_set(view, path):
            return failed(bad.format(name=name))
        value = view.peek(path)
        if refuse is not None and contains_unresolved(value) is None and refuse(value):
            return failed(bad.format(name=name))
        return passed(ok)

    evaluate.__doc__ = f"Pass when {path} is set: {ok}"
    return evaluate


def lb_attribute(view: ResourceView, key: str, default: str) -> str:
    """A load balancer attribute (``LoadBalancerAttributes`` Key/Value list) as a lower-case string; anything
    unknown in the list raises through ``view.get``, so the verdict is unknown."""
    for attribute in entries(view, "LoadBalancerAttributes"):
        if attribute.get("Key") == key:
            value = view.get(
                "LoadBalancerAttributes"
            )  # re-read so an unknown value makes the verdict unknown
            del value
            value = expect_type(
                f"LoadBalancerAttributes {key}", attribute.get("Value", default), is_scalar, "a string"
            )
            return str(value).lower()
    return default


def live_reads(marker: str, evaluate: Evaluate) -> Evaluate:
    """``evaluate``, except on a live resource without ``marker``: there an absent property means it was not
    read (not AWS's default), so the verdict is UNKNOWN. ``marker`` is a property the collector always writes
    when it read the resource's detail. Templates and Terraform declare everything, absence is the default."""

    def wrapped(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if view.resource.origin.kind not in DECLARED and view.peek(marker) is None:
            return unknown(f"{marker} of {view.id} was not read")
        return evaluate(view, ctx)

    wrapped.__doc__ = evaluate.__doc__
    return wrapped


def with_read(read: Mapping[str, Any], cases: Iterable[Example]) -> tuple[Example, ...]:
    """Examples as a live collector describes them: each live example gets ``read`` (the properties the
    collector always writes, such as the marker of :func:`live_reads`) unless it sets them itself."""
    out = []
    for example in cases:
        resource = example.resource
        if resource.origin.kind not in DECLARED:
            resource = replace(resource, properties={**read, **resource.properties})
        out.append(replace(example, resource=resource))
    return tuple(out)
