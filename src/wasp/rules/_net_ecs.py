"""ECS task definition helpers: containers and their flags, from templates, Terraform and the live API alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.model.rule import ResourceView, RuleContext, Verdict, failed, passed
from wasp.rules._shape import entries

REMEDY_FAMILY = "Register a new task definition revision and update the services that use it."


def containers(view: ResourceView) -> list[dict[str, Any]]:
    """The task's container definitions (objects only); an unknown list raises through ``view.get``."""
    return [dict(c) for c in entries(view, "ContainerDefinitions")]


def name(container: dict[str, Any]) -> str:
    """A container's name for messages."""
    return str(container.get("Name") or "?")


def each_container(
    offends: Callable[[dict[str, Any]], bool], *, ok: str, bad: str
) -> Callable[[ResourceView, RuleContext], Verdict | None]:
    """An ``evaluate`` that fails naming the containers ``offends`` picks (``bad`` gets ``{names}``)."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        found = [name(c) for c in containers(view) if offends(c)]
        if found:
            return failed(bad.format(names=", ".join(found), family=view.label("Family")))
        return passed(ok)

    evaluate.__doc__ = f"Fail on any container that breaks it: {ok}"
    return evaluate
