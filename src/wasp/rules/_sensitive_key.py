"""Customer-managed keys for confidential and restricted data, on stores whose tags a live read may lack."""

from __future__ import annotations

from typing import Any

from wasp.model import OriginKind, Resource
from wasp.model.rule import ResourceView, RuleContext, Verdict, example_resource, unknown
from wasp.rules._cmk import cmk_verdict
from wasp.rules._keyref import key_setting

TEMPLATE_KEY = "a key created with the stack"
"""What a reference to a key the template creates stands for (``!GetAtt Key.Arn``): customer-managed."""
SENSITIVE_TAGS = [{"Key": "data-classification", "Value": "restricted"}]
"""Tags that make an example store restricted."""


def sensitive_key_verdict(
    view: ResourceView, ctx: RuleContext, path: str | None, what: str
) -> Verdict | None:
    """cmk_verdict on the key at ``path`` (None: the store has no key setting, so the AWS default).

    A live store whose tags the collector does not read cannot be classified: unknown, never 'not in scope'.
    """
    origin = view.resource.origin.kind
    if (
        origin not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM)
        and "Tags" not in view.resource.properties
    ):
        return unknown(f"the {what}'s tags are not read live, so its classification is unknown")
    key: Any = key_setting(view, path) if path else None
    return cmk_verdict(view, ctx, TEMPLATE_KEY if key is True else key, what)


def store(resource_type: str, props: dict[str, Any], tags: Any = None) -> Resource:
    """An example store tagged restricted (or with ``tags``)."""
    return example_resource(resource_type, {**props, "Tags": SENSITIVE_TAGS if tags is None else tags})
