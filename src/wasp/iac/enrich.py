"""Facts a live collector derives, derived the same way from IaC: secrets in user data and environments.

Only names and detector labels are kept (``Supplementary.*Secrets``), never values. A value known only at
deploy time leaves the fact unknown, so the rule answers unknown rather than pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from wasp.model import SUPPLEMENTARY, Resource, Unresolved
from wasp.model.rule import contains_unresolved
from wasp.model.secrets import container_hits, hits_as_data, scan_text, scan_variables, user_data_text


def _user_data(value: Any) -> Any:
    if value is None:
        return []
    bad = contains_unresolved(value)
    return bad if bad is not None else hits_as_data(scan_text(user_data_text(value), "user data "))


def _variables(variables: Any) -> Any:
    if not isinstance(variables, Mapping):
        return contains_unresolved(variables) or []
    known = {k: v for k, v in variables.items() if not isinstance(v, Unresolved)}
    return hits_as_data(scan_variables(known))


def _containers(definitions: Any) -> Any:
    if isinstance(definitions, Unresolved):
        return definitions
    hits: list[dict[str, str]] = []
    for container in definitions if isinstance(definitions, list) else []:
        if not isinstance(container, Mapping):
            continue
        pairs: dict[str, Any] = {}
        for env in (
            container.get("Environment") or container.get("environment") or []
        ):  # template or API shape
            if isinstance(env, Mapping):
                name = env.get("Name", env.get("name"))
                value = env.get("Value", env.get("value"))
                if name is not None and not isinstance(value, Unresolved):
                    pairs[str(name)] = value
        hits += container_hits(container.get("Name", container.get("name")), pairs)
    return hits


def _facts(resource: Resource) -> dict[str, Any]:
    p = resource.properties
    if resource.type == "AWS::EC2::Instance":
        return {"UserDataSecrets": _user_data(p.get("UserData"))}
    if resource.type == "AWS::EC2::LaunchTemplate":
        data = p.get("LaunchTemplateData")
        return {"UserDataSecrets": _user_data(data.get("UserData") if isinstance(data, Mapping) else None)}
    if resource.type == "AWS::Lambda::Function":
        env = p.get("Environment")
        return {"EnvironmentSecrets": _variables(env.get("Variables") if isinstance(env, Mapping) else {})}
    if resource.type == "AWS::ECS::TaskDefinition":
        return {"EnvironmentSecrets": _containers(p.get("ContainerDefinitions"))}
    if resource.type == "AWS::CloudFormation::Stack":
        return {"Secrets": _variables(p.get("Parameters") or {})}
    return {}


def enrich(resource: Resource) -> Resource:
    """The resource with its derived facts under ``Supplementary`` (unchanged when there are none)."""
    facts = _facts(resource)
    if not facts:
        return resource
    given = resource.properties.get(SUPPLEMENTARY)
    supplementary = dict(given) if isinstance(given, Mapping) else {}  # a template's own is not trusted
    supplementary.update(facts)
    return replace(resource, properties={**resource.properties, SUPPLEMENTARY: supplementary})
