"""Shared check: confidential and restricted data stores use a customer-managed KMS key."""

from __future__ import annotations

from typing import Any

from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed
from wasp.rules._common import SENSITIVE, classification, is_customer_managed_key
from wasp.rules._shape import expect_type, is_text


def cmk_verdict(view: ResourceView, ctx: RuleContext, key: Any, what: str) -> Verdict | None:
    """Only confidential/restricted stores are in scope; their key must be customer-managed."""
    level = classification(view, ctx)
    if level not in SENSITIVE:
        return None
    view.note("key", key)
    expect_type(f"the {what}'s KMS key", key, is_text, "a KMS key id, ARN or alias")
    if is_customer_managed_key(key, ctx, view):
        return passed(f"{level} {what} encrypted with a customer-managed key")
    return failed(f"{level} {what} {view.id} is not encrypted with a customer-managed KMS key")
