"""What S3 itself neutralises: Block Public Access (bucket OR account level) and ACLs disabled by Object Ownership.

Each layer is on, off, or unknown (its read failed). One layer that is on neutralises, whatever the others say;
otherwise an unknown layer makes the answer unknown, never public and never safe.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.model import ACCOUNT_TYPE, OriginKind, Resource
from wasp.model.rule import ResourceView, RuleContext, UnresolvedRead
from wasp.rules._common import is_true

FLAGS = ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")
ACL_FLAG = "IgnorePublicAcls"
"""Existing public ACL grants are ignored (BlockPublicAcls only refuses new ones)."""
POLICY_FLAG = "RestrictPublicBuckets"
"""A public bucket policy admits only service principals and the owner's account (BlockPublicPolicy only refuses
new ones)."""
ENFORCED = "BucketOwnerEnforced"

State = bool | None
"""True: on; False: off; None: unknown."""
Layers = dict[str, State]


def _state(read: Callable[[], Any], test: Callable[[Any], bool]) -> State:
    """A layer's state from one read; an unknown value makes it unknown."""
    try:
        return test(read())
    except UnresolvedRead:
        return None


def account_settings(view: ResourceView, ctx: RuleContext) -> Resource | None:
    """The bucket's account resource holding the account-level block, when the S3 collector read it."""
    for resource in ctx.inventory.of_type(ACCOUNT_TYPE):
        if resource.id == view.resource.account and "PublicAccessBlock" in resource.properties:
            return resource
    return None


def block_layers(view: ResourceView, ctx: RuleContext, flag: str) -> Layers:
    """One Block Public Access flag at bucket and account level.

    A template cannot know the account it is deployed to, so IaC resources have the bucket level only; a live
    bucket whose account-level block was never read has that level unknown.
    """
    layers: Layers = {
        f"bucket-level {flag}": _state(lambda: view.get(f"PublicAccessBlockConfiguration.{flag}"), is_true)
    }
    account = account_settings(view, ctx)
    if account is not None:
        neighbour = view.neighbour(account)
        layers[f"account-level {flag}"] = _state(lambda: neighbour.get(f"PublicAccessBlock.{flag}"), is_true)
    elif view.resource.origin.kind is OriginKind.LIVE:
        layers[f"account-level {flag}"] = None
    return layers


def _enforced(rules: Any) -> bool:
    return isinstance(rules, list) and any(
        isinstance(r, dict) and r.get("ObjectOwnership") == ENFORCED for r in rules
    )


def ownership_layer(view: ResourceView) -> Layers:
    """ACLs disabled: Object Ownership is BucketOwnerEnforced."""
    return {f"Object Ownership {ENFORCED}": _state(lambda: view.get("OwnershipControls.Rules"), _enforced)}


def neutralised(layers: Layers) -> tuple[State, str]:
    """(True, the layers that are on) | (None, the layers unknown) | (False, '')."""
    on = [name for name, state in layers.items() if state is True]
    if on:
        return True, " and ".join(on)
    unknown = [name for name, state in layers.items() if state is None]
    if unknown:
        return None, " and ".join(unknown)
    return False, ""


def acl_neutralised(view: ResourceView, ctx: RuleContext) -> tuple[State, str]:
    """Whether public ACL grants on the bucket take effect."""
    return neutralised({**block_layers(view, ctx, ACL_FLAG), **ownership_layer(view)})


def policy_neutralised(view: ResourceView, ctx: RuleContext) -> tuple[State, str]:
    """Whether a public bucket policy takes effect."""
    return neutralised(block_layers(view, ctx, POLICY_FLAG))


def example_account(block: Any) -> Resource:
    """An account resource for rule examples, with this account-level block (None: none set)."""
    from wasp.model.rule import example_resource

    return example_resource(ACCOUNT_TYPE, {"PublicAccessBlock": block}, "111122223333")
