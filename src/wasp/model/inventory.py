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
        self._index: dict[tuple[str, str], _ValueIndex] = {}
        """(type, property) -> that property's values, built by the first :meth:`find` that asks for them."""

    def add(self, resource: Resource) -> None:
        """Add a resource, merging it into an existing one with the same identity."""
        self._index.clear()
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
        """Resources of one type whose top-level properties equal the given values.

        Rules ask this for every resource they judge (a trail's log bucket by name), so the first property
        asked for is indexed once per type: each later question costs a lookup, not a pass over the type.
        """
        if not properties:
            return self.of_type(resource_type)
        (first, wanted), *rest = properties.items()
        index = self._index.get((resource_type, first))
        if index is None:
            index = self._index[(resource_type, first)] = _ValueIndex(self.of_type(resource_type), first)
        return [
            r for r in index.equal_to(wanted) if all(r.properties.get(name) == value for name, value in rest)
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


class _ValueIndex:
    """The resources of one type by the value of one top-level property, answering ``==`` as a scan would.

    Values that cannot be hashed (lists, mappings) or are not equal to themselves (NaN) are kept aside and
    compared one by one, so the answer (and its order: insertion order) is exactly that of a scan.
    """

    def __init__(self, resources: list[Resource], name: str) -> None:
        self._by_value: dict[Any, list[int]] = {}
        self._aside: list[int] = []
        self._resources = resources
        self._name = name
        for at, resource in enumerate(resources):
            value = resource.properties.get(name)
            try:
                hash(value)
            except TypeError:
                self._aside.append(at)
                continue
            if value != value:  # NaN: a dict lookup would match it by identity, == never does
                self._aside.append(at)
            else:
                self._by_value.setdefault(value, []).append(at)

    def equal_to(self, wanted: Any) -> list[Resource]:
        """The resources whose property equals ``wanted``, in insertion order."""
        try:
            hits = list(self._by_value.get(wanted, ()))
        except TypeError:  # an unhashable question: compare with every value
            hits = [at for ats in self._by_value.values() for at in ats if self._value(at) == wanted]
        hits.extend(at for at in self._aside if self._value(at) == wanted)
        if self._aside:
            hits.sort()
        return [self._resources[at] for at in hits]

    def _value(self, at: int) -> Any:
        return self._resources[at].properties.get(self._name)
