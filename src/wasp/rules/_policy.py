"""Pure helpers for IAM policy documents, shared by several rules."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from fnmatch import fnmatchcase
from typing import Any

ADMIN_POLICY_ARN_SUFFIX = ":policy/AdministratorAccess"


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


def _listify(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def statements(policy: Any) -> list[dict[str, Any]]:
    """The statements of a policy document as a list of dicts."""
    return [dict(s) for s in _listify(as_document(policy).get("Statement")) if isinstance(s, Mapping)]


def grants_full_admin(policy: Any) -> bool:
    """True when an unconditioned Allow statement grants every action on every resource."""
    for st in statements(policy):
        if st.get("Effect") != "Allow" or "Condition" in st or "NotAction" in st or "NotResource" in st:
            continue
        actions = {str(a) for a in _listify(st.get("Action"))}
        resources = {str(r) for r in _listify(st.get("Resource"))}
        if actions & {"*", "*:*"} and "*" in resources:
            return True
    return False


def is_admin_policy_arn(arn: str) -> bool:
    """True for the AWS-managed AdministratorAccess policy."""
    return arn.endswith(ADMIN_POLICY_ARN_SUFFIX) and ":aws:policy/" in arn


def inline_documents(policies: Iterable[Any]) -> list[tuple[str, Any]]:
    """(name, document) for CloudFormation-shaped inline policies."""
    out: list[tuple[str, Any]] = []
    for p in policies or []:
        if isinstance(p, Mapping):
            out.append((str(p.get("PolicyName", "inline")), p.get("PolicyDocument")))
    return out


def denies_insecure_transport(policy: Any) -> bool:
    """True when a Deny statement applies to every request with aws:SecureTransport false."""
    for st in statements(policy):
        if st.get("Effect") != "Deny":
            continue
        cond = st.get("Condition") or {}
        for op in ("Bool", "BoolIfExists"):
            block = cond.get(op) if isinstance(cond, Mapping) else None
            if isinstance(block, Mapping):
                for key, val in block.items():
                    if key.lower() == "aws:securetransport" and str(_listify(val)[0]).lower() == "false":
                        principal = st.get("Principal")
                        if principal in ("*", {"AWS": "*"}, {"AWS": ["*"]}):
                            return True
    return False


def covers(statement: Mapping[str, Any], action: str) -> bool:
    """True when a statement's Action list (wildcards allowed, case-insensitive) includes ``action``."""
    action = action.lower()
    return any(fnmatchcase(action, str(a).lower()) for a in _listify(statement.get("Action")))


def denies(sts: Iterable[Mapping[str, Any]], action: str) -> bool:
    """True when a Deny statement covers ``action``."""
    return any(st.get("Effect") == "Deny" and covers(st, action) for st in sts)


def allows(documents: Iterable[Any], action: str) -> bool:
    """True when an Allow statement in any of the policy documents covers ``action`` (conditions ignored)."""
    return any(
        st.get("Effect") == "Allow" and covers(st, action) for doc in documents for st in statements(doc)
    )
