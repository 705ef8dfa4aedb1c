"""IAM action names and wildcard expansion, from the action data policyuniverse maintains.

policyuniverse is imported on first use only (it reads its data file, ~0.1 s), so loading the rules costs nothing
until a policy is actually evaluated. Action names are compared lower case, as IAM compares them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache


@lru_cache(maxsize=8192)
def glob(pattern: str, fold_case: bool = True) -> re.Pattern[str]:
    """An IAM wildcard (``*`` any run of characters, ``?`` one character; nothing else is special) as a regex."""
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(body + r"\Z", re.DOTALL | (re.IGNORECASE if fold_case else 0))


def matches(pattern: str, value: str, *, fold_case: bool = True) -> bool:
    """True when ``value`` matches the IAM wildcard ``pattern`` (case-insensitive unless told otherwise)."""
    return glob(pattern, fold_case).match(value) is not None


@cache
def _data() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    from policyuniverse import all_permissions  # ~0.1 s: only once a policy is evaluated

    everything = frozenset(str(a).lower() for a in all_permissions)
    by_service: dict[str, set[str]] = {}
    for action in everything:
        by_service.setdefault(action.split(":", 1)[0], set()).add(action)
    return everything, {s: frozenset(a) for s, a in by_service.items()}


def known_actions() -> frozenset[str]:
    """Every action policyuniverse knows, lower case (``service:action``)."""
    return _data()[0]


def service_actions(service: str) -> frozenset[str]:
    """The known actions of one service prefix (``iam``), lower case; empty for an unknown prefix."""
    return _data()[1].get(service.lower(), frozenset())


@lru_cache(maxsize=8192)
def expand(pattern: str) -> frozenset[str]:
    """The known actions an action pattern (``iam:*``, ``s3:Get*``, ``*``) matches, lower case."""
    lowered = pattern.lower()
    if lowered == "*":
        return known_actions()
    service, _, _ = lowered.partition(":")
    literal_service = "*" not in service and "?" not in service
    pool = service_actions(service) if literal_service else known_actions()
    regex = glob(lowered)
    return frozenset(a for a in pool if regex.match(a))
