"""Pure helpers for IAM policy documents: statements, what a statement covers, and conditions that limit it.

Matching follows IAM: ``Action``/``NotAction`` and ``Resource``/``NotResource`` with ``*`` and ``?`` wildcards,
action names case-insensitive, resource ARNs case-sensitive. Wildcards are expanded over the action list
policyuniverse maintains (:mod:`wasp.rules._policy_actions`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from wasp.rules._policy_actions import expand, known_actions, matches
from wasp.rules._policy_shape import well_formed

NON_LIMITING_KEYS = frozenset(
    {
        "aws:securetransport",
        "aws:requestedregion",
        "aws:currenttime",
        "aws:epochtime",
        "aws:useragent",
        "aws:referer",
    }
)
"""Condition keys that do not narrow who may act or on what: the caller chooses them, or they only say when/where."""


def as_document(policy: Any) -> dict[str, Any]:
    """A policy document as a dict (accepts a dict or a JSON string); empty when unreadable."""
    if isinstance(policy, Mapping):
        return dict(policy)
    if isinstance(policy, str):
        try:
            doc = json.loads(policy)
        except ValueError:
            return {}
        return doc if isinstance(doc, dict) else {}
    return {}


def listify(value: Any) -> list[Any]:
    """A policy element that may be one value or a list, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


_listify = listify  # the older private name


def statements(policy: Any, where: str = "the policy") -> list[dict[str, Any]]:
    """The statements of a policy document as a list of dicts (statements known only at deploy time left out).

    Raises :class:`wasp.rules._policy_shape.MalformedPolicy` (the verdict becomes unknown) when any part of the
    document is malformed (naming it ``where``): a reader that skipped it would find nothing wrong.
    """
    document = as_document(well_formed(policy, where))
    return [dict(s) for s in listify(document.get("Statement")) if isinstance(s, Mapping)]


def covers(statement: Mapping[str, Any], action: str) -> bool:
    """True when a statement applies to ``action``: listed in ``Action`` or left out of ``NotAction``."""
    if "NotAction" in statement:
        return not any(matches(str(p), action) for p in listify(statement.get("NotAction")))
    return any(matches(str(p), action) for p in listify(statement.get("Action")))


def _resource_hit(pattern: str, resource: str) -> bool:
    if (
        resource == "*"
    ):  # every resource: only a pattern of stars (and at most one '?') matches the literal '*'
        return pattern.strip("*") in ("", "?")
    return matches(pattern, resource, fold_case=False)


def covers_resource(statement: Mapping[str, Any], resource: str = "*") -> bool:
    """True when a statement applies to ``resource`` (ARNs compare case-sensitively).

    ``"*"`` asks whether it applies to every resource: ``Resource: "*"``, or any ``NotResource`` (all but a few).
    """
    if "NotResource" in statement:
        return not any(_resource_hit(str(p), resource) for p in listify(statement.get("NotResource")))
    return any(_resource_hit(str(p), resource) for p in listify(statement.get("Resource")))


def statement_actions(statement: Mapping[str, Any]) -> frozenset[str]:
    """The known actions (lower case) a statement applies to, wildcards and ``NotAction`` expanded."""
    negated = "NotAction" in statement
    patterns = tuple(str(p) for p in listify(statement.get("NotAction" if negated else "Action")))
    return _expanded(patterns, negated)


@lru_cache(maxsize=4096)
def _expanded(patterns: tuple[str, ...], negated: bool) -> frozenset[str]:
    union = frozenset().union(*(expand(p) for p in patterns))
    return known_actions() - union if negated else union


def condition_entries(condition: Any) -> list[tuple[str, str, list[Any]]]:
    """(operator, key in lower case, values) for each test in a ``Condition`` block."""
    out: list[tuple[str, str, list[Any]]] = []
    if isinstance(condition, Mapping):
        for op, block in condition.items():
            if isinstance(block, Mapping):
                out += [(str(op), str(key).lower(), listify(val)) for key, val in block.items()]
    return out


def _limits(op: str, key: str, values: list[Any]) -> bool:
    if key in NON_LIMITING_KEYS:
        return False
    base = op.rsplit(":", 1)[-1].lower().removesuffix("ifexists")
    return not (base in ("stringlike", "arnlike") and values and all(str(v) == "*" for v in values))


def limiting_conditions(statement: Mapping[str, Any]) -> list[str]:
    """The condition keys that really narrow a statement (``StringLike key: "*"`` and aws:SecureTransport don't)."""
    return [key for op, key, vals in condition_entries(statement.get("Condition")) if _limits(op, key, vals)]


def is_limited(statement: Mapping[str, Any]) -> bool:
    """True when the statement's condition really narrows when it applies."""
    return bool(limiting_conditions(statement))


def denies(sts: Iterable[Mapping[str, Any]], action: str, resource: str | None = None) -> bool:
    """True when a Deny statement covers ``action`` (and ``resource`` when given); conditions are not weighed."""
    return any(
        st.get("Effect") == "Deny"
        and covers(st, action)
        and (resource is None or covers_resource(st, resource))
        for st in sts
    )


def allows(documents: Iterable[Any], action: str, resource: str | None = None) -> bool:
    """True when an Allow statement in any of the documents covers ``action`` (conditions and denies not weighed)."""
    return any(
        st.get("Effect") == "Allow"
        and covers(st, action)
        and (resource is None or covers_resource(st, resource))
        for doc in documents
        for st in statements(doc)
    )


def effectively_allows(documents: Iterable[Any], action: str, resource: str = "*") -> bool:
    """True when an Allow with no limiting condition covers ``action`` on ``resource`` and no Deny without one
    takes it away (IAM's explicit-deny-wins, within one principal's identity policies)."""
    sts = [st for doc in documents for st in statements(doc) if not is_limited(st)]
    allowed = any(
        st.get("Effect") == "Allow" and covers(st, action) and covers_resource(st, resource) for st in sts
    )
    return allowed and not denies(sts, action, resource)


def allowed_everywhere(sts: Iterable[Mapping[str, Any]]) -> frozenset[str]:
    """Known actions an unconditioned Allow grants on every resource, less those an unconditioned Deny of every
    resource takes away."""
    granted: set[str] = set()
    denied: set[str] = set()
    for st in sts:
        if is_limited(st) or not covers_resource(st, "*"):
            continue
        if st.get("Effect") == "Allow":
            granted |= statement_actions(st)
        elif st.get("Effect") == "Deny":
            denied |= statement_actions(st)
    return frozenset(granted - denied)


def grants_full_admin(policy: Any) -> bool:
    """True when the document, unconditioned, allows every known action on every resource."""
    return allowed_everywhere(statements(policy)) >= known_actions()


def inline_documents(policies: Iterable[Any]) -> list[tuple[str, Any]]:
    """(name, document) for CloudFormation-shaped inline policies."""
    out: list[tuple[str, Any]] = []
    for p in policies or []:
        if isinstance(p, Mapping):
            out.append((str(p.get("PolicyName", "inline")), p.get("PolicyDocument")))
    return out


def denies_insecure_transport(policy: Any) -> bool:
    """True when a Deny statement applies to every request with aws:SecureTransport false."""
    public = ("*", {"AWS": "*"}, {"AWS": ["*"]})
    for st in statements(policy):
        if st.get("Effect") != "Deny" or st.get("Principal") not in public:
            continue
        for op, key, values in condition_entries(st.get("Condition")):
            insecure = bool(values) and str(values[0]).lower() == "false"
            if op in ("Bool", "BoolIfExists") and key == "aws:securetransport" and insecure:
                return True
    return False


def principals(statement: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(kind, value) for each principal a statement names: ``("AWS", "*")`` for ``Principal: "*"``."""
    principal = statement.get("Principal")
    if principal == "*":
        return [("AWS", "*")]
    if not isinstance(principal, Mapping):
        return []
    return [(str(kind), str(v)) for kind, value in principal.items() for v in listify(value)]
