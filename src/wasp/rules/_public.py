"""Whether a resource policy lets in anyone on the internet, conditions and guarding Deny statements weighed.

policyuniverse's ``is_internet_accessible`` is the starting point; this module fills what it misses:

- conditions in one statement are ANDed, so one limiting key limits the statement (policyuniverse counts the
  statement public when *any* entry is open, e.g. ``aws:SourceIp 0.0.0.0/0`` beside ``aws:PrincipalOrgID``);
- ``...IfExists`` and ``ForAllValues:`` operators are true when the key is absent (a direct anonymous request),
  so they do not limit; policyuniverse counts them;
- a value is *fixed* only without wildcards or policy variables (``${aws:username}``);
- a Deny statement for every principal whose only conditions are negated limiting keys
  (``StringNotEquals aws:PrincipalOrgID o-x``) limits the Allow statements it covers.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Mapping, Sequence
from fnmatch import fnmatchcase
from typing import Any

from wasp.model.rule import contains_unresolved

_ACCOUNT_ID = re.compile(r"\d{12}")
_POSITIVE = re.compile(
    r"(ForAnyValue:)?(StringEquals(IgnoreCase)?|StringLike|ArnEquals|ArnLike|IpAddress)", re.I
)
_NEGATED = re.compile(
    r"(ForAllValues:)?(StringNotEquals(IgnoreCase)?|StringNotLike|ArnNotEquals|ArnNotLike|NotIpAddress)(IfExists)?",
    re.I,
)


def _listify(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _fixed(value: Any) -> bool:
    """A literal: no wildcard, no policy variable."""
    return isinstance(value, str) and bool(value) and not any(c in value for c in ("*", "?", "${"))


def _arn_fixed(value: Any) -> bool:
    """An ARN limited to one account (or, for S3, one bucket name): the rest of it may hold wildcards."""
    if not isinstance(value, str) or "${" in value:
        return False
    parts = value.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        return False
    account, service, rest = parts[4], parts[2], parts[5]
    if account:
        return _ACCOUNT_ID.fullmatch(account) is not None
    return service == "s3" and _fixed(rest.split("/", 1)[0])


def _org_path_fixed(value: Any) -> bool:
    """``o-abc/r-1/ou-2/*``: fixed when the organisation id is."""
    return isinstance(value, str) and _fixed(value.split("/", 1)[0])


def _userid_fixed(value: Any) -> bool:
    """``AROAEXAMPLE:*`` is one role's sessions; any other wildcard is open."""
    return isinstance(value, str) and _fixed(value[:-1] if value.endswith(":*") else value)


def _cidr_fixed(value: Any) -> bool:
    """A CIDR narrower than the whole address space."""
    try:
        return ipaddress.ip_network(str(value), strict=False).prefixlen > 0
    except ValueError:
        return False


LIMITING: dict[str, Callable[[Any], bool]] = {
    "aws:sourcearn": _arn_fixed,
    "aws:principalarn": _arn_fixed,
    "aws:sourceaccount": _fixed,
    "aws:sourceowner": _fixed,
    "aws:principalaccount": _fixed,
    "kms:calleraccount": _fixed,
    "aws:principalorgid": _fixed,
    "aws:principalorgpaths": _org_path_fixed,
    "aws:sourcevpc": _fixed,
    "aws:sourcevpce": _fixed,
    "aws:userid": _userid_fixed,
    "aws:sourceip": _cidr_fixed,
}
"""Condition keys that pin who may call (or from where), with the test for a value that really pins it."""


def _entries(condition: Any) -> list[tuple[str, str, list[Any]]]:
    """(operator, key, values) for every entry of a Condition block."""
    if not isinstance(condition, Mapping):
        return []
    return [
        (str(op), str(key).lower(), _listify(values))
        for op, block in condition.items()
        if isinstance(block, Mapping)
        for key, values in block.items()
    ]


def _pins(key: str, values: list[Any]) -> bool:
    test = LIMITING.get(key)
    return test is not None and bool(values) and all(test(v) for v in values)


def condition_limits(condition: Any) -> bool:
    """True when an Allow statement's conditions pin the caller (one pinning entry suffices: entries AND)."""
    return any(_POSITIVE.fullmatch(op) and _pins(key, values) for op, key, values in _entries(condition))


def _principal_open(principal: Any) -> bool:
    """``*``, or an ARN whose account is a wildcard; service and federated principals are not open."""
    value = str(principal)
    if value == "*":
        return True
    if value.startswith("arn:"):
        parts = value.split(":", 5)
        return any(c in parts[4] for c in "*?") if len(parts) == 6 else "*" in value
    return False


def principal_open(statement: Mapping[str, Any]) -> bool:
    """True when a statement names any principal at all (or uses NotPrincipal)."""
    if "NotPrincipal" in statement:
        return True
    principal = statement.get("Principal")
    if isinstance(principal, Mapping):
        return any(_principal_open(p) for p in _listify(principal.get("AWS")))
    return any(_principal_open(p) for p in _listify(principal))


def _guard_limits(deny: Mapping[str, Any]) -> bool:
    """A Deny for everyone unless a pinned key matches: every entry negated, each on a limiting key, fixed."""
    entries = _entries(deny.get("Condition"))
    return bool(entries) and all(_NEGATED.fullmatch(op) and _pins(key, values) for op, key, values in entries)


def could_guard(deny: Mapping[str, Any]) -> bool:
    """True when a Deny holding values known only at deploy time might limit an Allow once they are known.

    Its principal must be (or may be) everyone, and its conditions must be (or may be) negated pins.
    """
    principal = deny.get("Principal")
    if contains_unresolved(principal) is None and principal not in ("*", {"AWS": "*"}, {"AWS": ["*"]}):
        return False
    return contains_unresolved(deny.get("Condition")) is not None or _guard_limits(deny)


def _covers(patterns: list[Any], values: list[Any]) -> bool:
    """True when every value (an action or resource, itself maybe a pattern) falls under one of the patterns."""
    pats = [str(p).lower() for p in patterns]
    return bool(values) and all(any(fnmatchcase(str(v).lower(), p) for p in pats) for v in values)


def guarded(allow: Mapping[str, Any], statements: Sequence[Mapping[str, Any]]) -> bool:
    """True when a Deny statement for every principal limits all of ``allow``'s actions on all its resources."""
    if "NotAction" in allow or "NotResource" in allow:
        return False
    for deny in statements:
        if deny.get("Effect") != "Deny" or "NotAction" in deny or "NotResource" in deny:
            continue
        if deny.get("Principal") not in ("*", {"AWS": "*"}, {"AWS": ["*"]}):
            continue
        actions, resources = _listify(allow.get("Action")), _listify(allow.get("Resource")) or ["*"]
        deny_resources = _listify(deny.get("Resource")) or ["*"]
        if (
            _covers(_listify(deny.get("Action")), actions)
            and _covers(deny_resources, resources)
            and _guard_limits(deny)
        ):
            return True
    return False


def public_statements(statements: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The Allow statements that let in anyone: open principal, no pinning condition, no guarding Deny."""
    return [
        s
        for s in statements
        if s.get("Effect") == "Allow"
        and principal_open(s)
        and not condition_limits(s.get("Condition"))
        and not guarded(s, statements)
    ]
