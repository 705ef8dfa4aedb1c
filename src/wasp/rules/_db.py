"""Shared checks for database rules: log exports, Aurora members, parameter groups found by name or Ref."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from wasp.model.resource import SUPPLEMENTARY, Resource, Unresolved
from wasp.model.rule import (
    Evaluate,
    Example,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.model.status import FindingStatus
from wasp.rules._expect import Test, examples
from wasp.rules._shape import expect_type, is_text, text

MIN_BACKUP_DAYS = 7
"""Automated backups kept at least a week (AWS Security Hub's RDS.11 / DocumentDB.2 / Neptune.5 default)."""


def exports_include(*wanted: str) -> Test:
    """The log-export list names every one of ``wanted`` (case-insensitively)."""

    def test(value: Any) -> bool:
        names = {str(v).lower() for v in value} if isinstance(value, list | tuple) else set()
        return all(w in names for w in wanted)

    return Test(
        test, "a list of log type names", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v)
    )


def standalone(view: ResourceView) -> bool:
    """An instance that is not an Aurora/cluster member: its cluster decides backups, deletion and logs."""
    return not view.get("DBClusterIdentifier")


def engine_is(*prefixes: str) -> Callable[[ResourceView], bool]:
    """``applies=``: the resource's Engine starts with one of ``prefixes`` (aurora-mysql counts as mysql)."""

    def applies(view: ResourceView) -> bool:
        engine = (text(view, "Engine") or "").lower().removeprefix("aurora-")
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
    return own_parameters(view.neighbour(group))


def own_parameters(view: ResourceView) -> Mapping[str, Any]:
    """The viewed parameter group's parameters as name -> value (a map, or Redshift's list of name/value)."""
    params = view.get("Parameters", {})
    if isinstance(params, list):
        return {
            str(p.get("ParameterName")): p.get("ParameterValue") for p in params if isinstance(p, Mapping)
        }
    return params if isinstance(params, Mapping) else {}


ELASTICSEARCH = "AWS::Elasticsearch::Domain"
"""The legacy domain type: the same properties as ``AWS::OpenSearchService::Domain`` for what the rules read."""


def twin(meta: RuleMeta, resource_type: str, title: str, checkov: tuple[str, ...]) -> RuleMeta:
    """A rule's metadata for another resource type with the same properties (an Elasticsearch twin)."""
    return replace(meta, resource_type=resource_type, title=title, checkov=checkov)


def retyped(cases: tuple[Example, ...], resource_type: str) -> tuple[Example, ...]:
    """The same examples on another resource type."""
    return tuple(replace(e, resource=replace(e.resource, type=resource_type)) for e in cases)


def unknowns(resource_type: str, *cases: tuple[str, Mapping[str, Any]]) -> tuple[Example, ...]:
    """Examples whose value is known only at deploy time (an unresolved reference): the verdict is unknown."""
    return tuple(
        Example(name, example_resource(resource_type, props), FindingStatus.UNKNOWN) for name, props in cases
    )


_LOG_FDW_FIXED = {"postgres": {13: 3, 12: 7, 11: 12, 10: 17}, "aurora-postgresql": {11: 9, 10: 14}}
"""AWS-2022-004: the first fixed minor of each major (PostgreSQL 9.6: 9.6.22); later majors were never affected."""


def log_fdw_vulnerable(engine: str, version: str) -> bool | None:
    """True when a PostgreSQL engine version is open to the log_fdw local file read (AWS-2022-004); None when
    the version cannot be read."""
    parts = version.split(".")
    if not all(p.isdigit() for p in parts[:2]) or len(parts) < 2:
        return None
    major, minor = int(parts[0]), int(parts[1])
    fixed = _LOG_FDW_FIXED.get(engine, {})
    if engine == "postgres" and (major, minor) == (9, 6):
        patch = parts[2] if len(parts) > 2 else ""
        return int(patch) < 22 if patch.isdigit() else None
    if major < min(fixed, default=0):
        return True  # older majors were never fixed
    return major in fixed and minor < fixed[major]


def log_fdw_evaluate(noun: str) -> Evaluate:
    """An ``evaluate`` for PostgreSQL-family instances or clusters: a pinned version open to AWS-2022-004 fails."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        engine = (text(view, "Engine") or "").lower()
        if engine not in ("postgres", "aurora-postgresql"):
            return None
        version = view.get("EngineVersion")
        if not version:
            return passed("no version pinned: AWS creates it on a current, fixed version")
        vulnerable = log_fdw_vulnerable(engine, str(version))
        if vulnerable is None:
            return unknown(f"engine version {version} is not a version wasp can compare")
        if vulnerable:
            return failed(
                f"{noun} {view.resource.origin.address or view.id} runs {engine} {version}, open to AWS-2022-004"
            )
        return passed(f"{engine} {version} is fixed")

    evaluate.__doc__ = f"PostgreSQL-family {noun}s only; a pinned vulnerable version fails."
    return evaluate


def log_fdw_examples(resource_type: str) -> tuple[Example, ...]:
    """Fixed, current, old and deploy-time versions of PostgreSQL and Aurora PostgreSQL on ``resource_type``."""
    return examples(
        resource_type,
        passing=[
            ("fixed", {"Engine": "postgres", "EngineVersion": "13.3"}),
            ("current", {"Engine": "postgres", "EngineVersion": "16.4"}),
            ("aurora-fixed", {"Engine": "aurora-postgresql", "EngineVersion": "11.9"}),
        ],
        failing=[
            ("old-minor", {"Engine": "postgres", "EngineVersion": "12.6"}),
            ("old-9.6", {"Engine": "postgres", "EngineVersion": "9.6.21"}),
            ("aurora-old", {"Engine": "aurora-postgresql", "EngineVersion": "10.12"}),
        ],
    ) + unknowns(
        resource_type, ("deploy-time", {"Engine": "postgres", "EngineVersion": Unresolved("a parameter")})
    )


def group_parameters(
    view: ResourceView,
    ctx: RuleContext,
    *,
    live_key: str,
    name_path: str,
    group_type: str,
    name_keys: tuple[str, ...],
) -> Mapping[str, Any] | None:
    """The parameters of the group a database uses: read live into ``Supplementary.<live_key>`` by the
    collector, or in a template found by name or Ref (a default group has no overrides: ``{}``). None when the
    template names a group it does not define, so the rule can answer unknown."""
    if SUPPLEMENTARY in view.resource.properties:
        found = view.get(f"{SUPPLEMENTARY}.{live_key}")
        return found if isinstance(found, Mapping) else {}
    name = view.get(name_path)
    if not name or str(name).startswith("default."):
        return {}
    group = find_group(ctx, group_type, name, name_keys)
    return None if group is None else parameters(view, group)


def statement_logging(params: Mapping[str, Any]) -> bool:
    """PostgreSQL records data-definition (or more) statements: log_statement ddl/mod/all, or pgaudit.log set."""
    statement = str(
        expect_type("log_statement", params.get("log_statement"), is_text, "a string") or "none"
    ).lower()
    audit = str(expect_type("pgaudit.log", params.get("pgaudit.log"), is_text, "a string") or "none").lower()
    return statement in ("ddl", "mod", "all") or audit not in ("none", "")
