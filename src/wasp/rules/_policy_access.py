"""What a principal's identity policies grant, taken together: full admin, near-admin, or service-wide access.

Unknown parts (an :class:`wasp.model.Unresolved` inside a document) never make an answer pass. Each statement
is read the *least failing* way: an Allow with an unknown part grants nothing, a Deny with one denies everything
it might. A failure that stands under that reading is definite; otherwise the unknown parts are reported as
``undecided`` and the caller answers unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from wasp.model import Unresolved
from wasp.model.rule import contains_unresolved
from wasp.rules._policy import (
    as_document,
    covers_resource,
    is_limited,
    listify,
    statement_actions,
)
from wasp.rules._policy_actions import known_actions, matches, service_actions
from wasp.rules._policy_shape import checked

BROAD_SHARE = 0.9
"""Share of the known actions (of all services, or of one) above which a grant counts as near-everything."""

SENSITIVE_SERVICES = ("iam", "kms", "s3")
"""Services whose service-wide grant is broad access in itself (SEC03-BP02)."""

ASSUME_ROLE = "sts:assumerole"
_TYPE_WIDE = re.compile(r"[A-Za-z-]+/\*")


@dataclass
class Access:
    """The combined grant of a principal's identity policies."""

    everywhere: set[str] = field(default_factory=set)
    """Known actions allowed on every resource (after unconditioned denies)."""
    broad_by_service: dict[str, set[str]] = field(default_factory=dict)
    """Per sensitive service: actions allowed on all of its resources (after unconditioned denies)."""
    sources: dict[str, set[str]] = field(default_factory=dict)
    """Per policy source: the actions it allows on every resource."""
    conditional: list[str] = field(default_factory=list)
    """Sources with wide Allow statements that a condition narrows (not counted)."""
    undecided: list[str] = field(default_factory=list)
    """Sources with parts known only at deploy time (or unreadable)."""

    @property
    def full_admin(self) -> bool:
        """Every known action on every resource."""
        return self.everywhere >= known_actions()

    @property
    def share(self) -> float:
        """Share of the known actions allowed on every resource."""
        return len(self.everywhere) / max(1, len(known_actions()))

    @property
    def near_admin(self) -> bool:
        """Not full admin, but nearly every action on every resource (e.g. Allow NotAction iam:* on *)."""
        return not self.full_admin and self.share >= BROAD_SHARE

    def via(self) -> list[str]:
        """The sources that make up the widest grant, largest first."""
        ranked = sorted(self.sources.items(), key=lambda kv: -len(kv[1]))
        big = [name for name, acts in ranked if len(acts) >= BROAD_SHARE * len(known_actions())]
        return big or [name for name, acts in ranked if acts]

    def missing_services(self, limit: int = 4) -> list[str]:
        """Services not fully granted on every resource (for a near-admin message)."""
        missing = sorted({a.split(":", 1)[0] for a in known_actions() - self.everywhere})
        return missing[:limit] + (["..."] if len(missing) > limit else [])

    def bounded_by(self, boundary: Access) -> None:
        """Keep only what a permissions boundary also allows (IAM grants the intersection).

        A boundary only takes away, so its unknown parts matter only where the policies alone would fail.
        """
        if self.full_admin or self.near_admin or self.broad():
            self.undecided += boundary.undecided
        self.everywhere &= boundary.everywhere
        for name in self.sources:
            self.sources[name] &= boundary.everywhere
        for service, acts in self.broad_by_service.items():
            acts &= boundary.everywhere | boundary.broad_by_service.get(service, set())

    def broad(self) -> list[str]:
        """Service-wide grants on sensitive services (``iam:*``...) and ``sts:AssumeRole`` on any role."""
        out = []
        for service in SENSITIVE_SERVICES:
            total = service_actions(service)
            granted = (self.everywhere | self.broad_by_service.get(service, set())) & total
            if total and len(granted) >= BROAD_SHARE * len(total):
                out.append(f"{service}:*")
        if ASSUME_ROLE in self.everywhere or ASSUME_ROLE in self.broad_by_service.get("sts", set()):
            out.append("sts:AssumeRole on *")
        return out


def _broad_resource_for(pattern: str, service: str) -> bool:
    """True when a Resource pattern covers every resource of ``service`` (``arn:aws:s3:::*``, ``...:key/*``).

    ``sts`` stands for what sts:AssumeRole acts on: IAM roles (``arn:aws:iam::*:role/*``).
    """
    if pattern == "*":
        return True
    parts = pattern.split(":", 5)
    arn_service = "iam" if service == "sts" else service
    if len(parts) < 6 or parts[0] != "arn" or not matches(parts[2], arn_service):
        return False
    resource = parts[5]
    if service == "s3":
        return resource in ("*", "*/*")
    return resource == "*" or _TYPE_WIDE.fullmatch(resource) is not None


def least_failing(statement: Mapping[str, Any]) -> dict[str, Any] | None:
    """The statement read so that its unknown parts cannot produce a failure; None when it grants nothing."""
    if contains_unresolved(statement) is None:
        return dict(statement)
    if statement.get("Effect") == "Allow":
        return None  # an unknown part may narrow it to nothing
    out = {"Effect": "Deny", "Action": "*", "Resource": "*"}  # a Deny with an unknown part may deny anything
    for key in ("Action", "NotAction", "Resource", "NotResource"):
        if key in statement and contains_unresolved(statement[key]) is None:
            out.pop(key.removeprefix("Not"), None)
            out[key] = statement[key]
    return out


def _statements(source: str, document: Any, access: Access) -> list[dict[str, Any]]:
    document = checked(document, source)
    if isinstance(document, Unresolved):
        access.undecided.append(f"{source}: {document.reason}")
        return []
    raw = as_document(document).get("Statement")
    if isinstance(raw, Unresolved):
        access.undecided.append(f"{source}: {raw.reason}")
        return []
    out: list[dict[str, Any]] = []
    for st in listify(raw):
        if not isinstance(st, Mapping):
            # an unknown statement (`Statement: [!Ref X]`, a variable) may grant anything: undecided, never a pass
            reason = (
                st.reason
                if isinstance(st, Unresolved)
                else f"a statement that is not an object ({type(st).__name__})"
            )
            access.undecided.append(f"{source}: {reason}")
            continue
        read = least_failing(st)
        if read is None or read != st:
            bad = contains_unresolved(st)
            access.undecided.append(f"{source}: {bad.reason if bad else 'unknown part'}")
        if read is not None:
            out.append({**read, "__source__": source})
    return out


def access_of(documents: Iterable[tuple[str, Any]]) -> Access:
    """What (source, document) pairs grant together; denies in any of them apply to all (explicit deny wins)."""
    access = Access()
    sts = [st for source, doc in documents for st in _statements(source, doc, access)]
    denied: set[str] = set()
    for st in sts:
        if st.get("Effect") == "Deny" and not is_limited(st) and covers_resource(st, "*"):
            denied |= statement_actions(st)
    for st in sts:
        if st.get("Effect") != "Allow":
            continue
        source = str(st["__source__"])
        acts = statement_actions(st) - denied
        if is_limited(st):
            if len(acts) >= BROAD_SHARE * len(known_actions()) and source not in access.conditional:
                access.conditional.append(source)
            continue
        if covers_resource(st, "*"):
            access.everywhere |= acts
            access.sources.setdefault(source, set()).update(acts)
            continue
        for service in (*SENSITIVE_SERVICES, "sts"):
            if any(_broad_resource_for(str(p), service) for p in listify(st.get("Resource"))):
                access.broad_by_service.setdefault(service, set()).update(
                    a for a in acts if a.startswith(service + ":")
                )
    return access
