"""Data classification as organisations tag it: which tag keys carry it and which spellings mean which level.

Keys match case-insensitively and whatever separators they use (``DataClassification``,
``data-classification``, ``data_classification`` and ``Data Classification`` are one key), also after a
namespace prefix (``acme:data-classification``). Values are spellings mapped to the four levels; a value
that maps to no level leaves the resource unclassified.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

LEVELS = ("public", "internal", "confidential", "restricted")
"""The scheme, least to most sensitive."""

SENSITIVE = frozenset({"confidential", "restricted"})
"""Levels that call for a customer-managed key, Macie and stricter access."""

DEFAULT_KEYS: tuple[str, ...] = (
    "DataClassification",
    "Classification",
    "DataSensitivity",
    "Sensitivity",
    "InformationClassification",
    "SecurityClassification",
    "Confidentiality",
)
"""Tag keys recognised by default, in order of precedence when a resource carries several."""

DEFAULT_VALUES: tuple[tuple[str, str], ...] = (
    ("public", "public"),
    ("open", "public"),
    ("internal", "internal"),
    ("internal-only", "internal"),
    ("internal-use", "internal"),
    ("internal-use-only", "internal"),
    ("official", "internal"),
    ("confidential", "confidential"),
    ("sensitive", "confidential"),
    ("company-confidential", "confidential"),
    ("business-confidential", "confidential"),
    ("official-sensitive", "confidential"),
    ("restricted", "restricted"),
    ("highly-confidential", "restricted"),
    ("strictly-confidential", "restricted"),
    ("highly-sensitive", "restricted"),
    ("secret", "restricted"),
    ("top-secret", "restricted"),
    ("pii", "restricted"),
    ("personal", "confidential"),
    ("personal-data", "confidential"),
    ("phi", "restricted"),
    ("pci", "restricted"),
    ("cardholder", "restricted"),
)
"""Value spellings recognised by default (compared after :func:`value_form`) and the level each means."""

_KEY_SEPARATORS = re.compile(r"[\s_\-.]+")
_VALUE_SEPARATORS = re.compile(r"[\s_\-.]+")


@lru_cache(maxsize=1024)
def key_form(key: str) -> str:
    """A tag key as compared: lower case, separators removed (remembered: every resource judged asks for the
    forms of the same few classification keys)."""
    return _KEY_SEPARATORS.sub("", key.strip().lower())


def value_form(value: str) -> str:
    """A tag value as compared: lower case, runs of separators as one hyphen."""
    return _VALUE_SEPARATORS.sub("-", value.strip().lower()).strip("-")


def value_map(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Spelling (compared form) -> level; later pairs override earlier ones."""
    return {value_form(spelling): level for spelling, level in pairs}


@lru_cache(maxsize=32)
def value_map_of(pairs: tuple[tuple[str, str], ...]) -> Mapping[str, str]:
    """:func:`value_map` of a workload's pairs, made once (rules classify every resource they judge)."""
    return MappingProxyType(value_map(pairs))


@dataclass(frozen=True)
class Classified:
    """What a resource's tags say about its data."""

    key: str | None = None
    """The tag key that carried the classification (as the resource spells it), if any."""
    value: str | None = None
    """That tag's value, as written."""
    level: str | None = None
    """One of LEVELS, or None when no key was found or its value is not a recognised spelling."""


def _key_matches(tag_key: str, wanted: str) -> bool:
    form = key_form(tag_key)
    if form == wanted:
        return True
    # a namespaced key (acme:data-classification, acme/classification) matches on its last part
    last = re.split(r"[:/]", tag_key)[-1]
    return last != tag_key and key_form(last) == wanted


def recognise(tags: Mapping[str, str], keys: Iterable[str], values: Mapping[str, str]) -> Classified:
    """The classification carried by ``tags``: the first of ``keys`` present, its value mapped by ``values``."""
    for wanted in keys:
        form = key_form(wanted)
        for tag_key, tag_value in tags.items():
            if _key_matches(tag_key, form):
                level = values.get(value_form(tag_value))
                return Classified(tag_key, tag_value, level if level in LEVELS else None)
    return Classified()
