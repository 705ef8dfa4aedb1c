"""Shared reading of service security configurations (EMR) for the iam area's rules."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from wasp.model.rule import ResourceView


def configuration(view: ResourceView) -> dict[str, Any] | None:
    """The security configuration's ``EncryptionConfiguration`` (a JSON string is read); None when unreadable."""
    value = view.get("SecurityConfiguration")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if not isinstance(value, Mapping):
        return None
    enc = value.get("EncryptionConfiguration", {})
    return dict(enc) if isinstance(enc, Mapping) else None
