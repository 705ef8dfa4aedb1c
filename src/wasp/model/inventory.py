"""The inventory: every resource gathered for a review, indexed by type, with what could not be read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from wasp.model.resource import Gap, Resource


def _merge(left: Mapping[str, Any], right: Mapping[str, Any]) -> dict[str, Any]:
    """Deep-merge two property mappings; the right side wins on conflicting leaves."""
    out = dict(left)
    for key, value in right.items():
        if key in out and isinstance(out[key], Mapping) and isinstance(value, Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


class Inventory:
    """Resources by type, the types that were collected, and the gaps.

    Two descriptions of the same resource (same type, account, region and id) are merged, so that
    several collectors, or several Terraform resources, can each contribute part of one resource.
    """

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str, str, str], Resource] = {}
        self._by_type: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
        self._collected: set[str] = set()
        self._gaps: list[Gap] = []

    def add(self, resource: Resource) -> None:
        """Add a resource, merging it into an existing one with the same identity."""
        key = resource.key
        existing = self._by_key.get(key)
        if existing is None:
            self._by_key[key] = resource
            self._by_type[resource.type].append(key)
        else:
            merged = _merge(existing.properties, resource.properties)
            self._by_key[key] = replace(existing, properties=merged, arn=existing.arn or resource.arn)

    def extend(self, resources: Iterable[Resource]) -> None:
        """Add many resources."""
        for resource in resources:
            self.add(resource)

    def mark_collected(self, *resource_types: str) -> None:
        """Record that these types were read, so that an empty list means 'none exist'."""
        self._collected.update(resource_types)

    def add_gap(self, gap: Gap) -> None:
        """Record something that could not be read."""
        self._gaps.append(gap)

    def of_type(self, resource_type: str) -> list[Resource]:
        """All resources of one type, in insertion order."""
        return [self._by_key[k] for k in self._by_type.get(resource_type, [])]

    def find(self, resource_type: str, **properties: Any) -> list[Resource]:
        """Resources of one type whose top-level properties equal the given values."""
        return [
            r
            for r in self.of_type(resource_type)
            if all(r.properties.get(name) == value for name, value in properties.items())
        ]

    def was_collected(self, resource_type: str) -> bool:
        """True when this type was read (even if none exist)."""
        return resource_type in self._collected

    @property
    def collected_types(self) -> frozenset[str]:
        """Every type that was read."""
        return frozenset(self._collected)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """What could not be read."""
        return tuple(self._gaps)

    @property
    def types(self) -> list[str]:
        """Types that have at least one resource, sorted."""
        return sorted(t for t, keys in self._by_type.items() if keys)

    def __iter__(self) -> Iterator[Resource]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)
