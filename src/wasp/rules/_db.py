"""Shared checks for database rules: log exports, Aurora members, parameter groups found by name or Ref."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from wasp.model.resource import Resource
from wasp.model.rule import ResourceView, RuleContext
from wasp.rules._expect import Test

MIN_BACKUP_DAYS = 7
"""Automated backups kept at least a week (AWS Security Hub's RDS.11 / DocumentDB.2 / Neptune.5 default)."""


def exports_include(*wanted: str) -> Test:
    """The log-export list names every one of ``wanted`` (case-insensitively)."""

    def test(value: Any) -> bool:
        names = {str(v).lower() for v in value} if isinstance(value, list | tuple) else set()
        return all(w in names for w in wanted)

    return test


def standalone(view: ResourceView) -> bool:
    """An instance that is not an Aurora/cluster member: its cluster decides backups, deletion and logs."""
    return not view.get("DBClusterIdentifier")


def engine_is(*prefixes: str) -> Callable[[ResourceView], bool]:
    """``applies=``: the resource's Engine starts with one of ``prefixes`` (aurora-mysql counts as mysql)."""

    def applies(view: ResourceView) -> bool:
        engine = str(view.get("Engine") or "").lower().removeprefix("aurora-")
        return any(engine.startswith(p) for p in prefixes)

    return applies


def find_group(ctx: RuleContext, group_type: str, name: Any, name_keys: tuple[str, ...]) -> Resource | None:
    """The parameter group a database names: by its configured name, or by the logical id / address a ``Ref``
    (or a Terraform ``.id``) stands for before deploy."""
    for group in ctx.inventory.of_type(group_type):
        names = {group.id, group.origin.address, *(group.properties.get(k) for k in name_keys)}
        if name in names:
            return group
    return None


def parameters(view: ResourceView, group: Resource) -> Mapping[str, Any]:
    """A parameter group's parameters as name -> value (CloudFormation's map, or a list of name/value pairs)."""
    params = view.neighbour(group).get("Parameters", {})
    if isinstance(params, list):
        return {
            str(p.get("ParameterName")): p.get("ParameterValue") for p in params if isinstance(p, Mapping)
        }
    return params if isinstance(params, Mapping) else {}
