"""API Gateway stage method settings, as templates, Terraform (folded) and the live API give them."""

from __future__ import annotations

from typing import Any

from wasp.model.rule import ResourceView
from wasp.rules._shape import entries


def method_settings(view: ResourceView) -> list[dict[str, Any]]:
    """The stage's MethodSettings (objects only); anything unknown raises through ``view.get``."""
    return [dict(m) for m in entries(view, "MethodSettings")]


def where(setting: dict[str, Any]) -> str:
    """A setting's resource path and method for messages (``/*/*`` for the stage-wide default)."""
    return f"{setting.get('ResourcePath', '/*')}/{setting.get('HttpMethod', '*')}".replace("//", "/")
