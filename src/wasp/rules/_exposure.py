"""Who a resource policy lets in: the internet, or accounts outside the workload and its organisation.

Principals are parsed with policyuniverse; whether anyone may call is decided by ``wasp.rules._public``, so
conditions such as aws:PrincipalOrgID, aws:SourceVpce and aws:SourceAccount, and guarding Deny statements, are
honoured. Where the service has a blocking layer of its own (S3 Block Public Access), a public grant it neutralises
is reported as a latent, low-severity finding instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wasp.model import Severity, Unresolved
from wasp.model.rule import ResourceView, RuleContext, Verdict, contains_unresolved, failed, passed, unknown
from wasp.rules._policy import as_document, statements
from wasp.rules._policy_shape import checked, first_malformed
from wasp.rules._public import could_guard, public_statements

_ACCOUNT = re.compile(r"(?:^|:)(\d{12})(?::|$)")
_ACCOUNT_ID = re.compile(r"\d{12}")


def known_accounts(ctx: RuleContext) -> set[str]:
    """The workload's accounts and every account of its organisation (when collected)."""
    known = set(ctx.workload.accounts)
    for acct in ctx.inventory.of_type("AWS::Organizations::Account"):
        known.add(str(acct.properties.get("AccountId", acct.id)))
    return known


@dataclass(frozen=True)
class Exposure:
    """Who a policy lets in beyond the workload."""

    public: bool
    """Any principal, with no pinning condition and no guarding Deny."""
    accounts: tuple[str, ...] = ()
    """Named accounts outside the workload and its organisation."""

    @property
    def reasons(self) -> list[str]:
        """'public (...)' first, then 'account NNNN outside the workload' for each account."""
        public = ["public (any principal, no limiting condition)"] if self.public else []
        return public + [f"account {a} outside the workload" for a in self.accounts]


def assess(policy: Any, ctx: RuleContext) -> Exposure:
    """Who ``policy`` lets in: the internet (conditions and guarding Denies weighed), unknown accounts."""
    sts = statements(policy)
    if not sts:
        return Exposure(False)
    from policyuniverse.statement import Statement  # ~0.1 s to import: only when a policy is read

    known = known_accounts(ctx)
    outside: set[str] = set()
    for raw in sts:
        if raw.get("Effect") != "Allow":
            continue
        statement = Statement(raw)
        for principal in statement.principals:
            match = _ACCOUNT.search(str(principal))
            if match and match.group(1) not in known:
                outside.add(match.group(1))
        outside.update(
            str(a) for a in statement.condition_accounts if _ACCOUNT_ID.fullmatch(str(a)) and a not in known
        )
    return Exposure(bool(public_statements(sts)), tuple(sorted(outside)))


def exposure(policy: Any, ctx: RuleContext) -> list[str]:
    """Reasons a policy grants access beyond the workload: 'public', or 'account NNNN'."""
    return assess(policy, ctx).reasons


_WHO = ("Effect", "Principal", "NotPrincipal", "Condition")


def _known_part(policy: Any) -> tuple[Any, bool, bool]:
    """The policy without the statements that hold values known only at deploy time; whether any Allow was set
    aside; whether a Deny that might limit a public grant was set aside."""
    policy = checked(policy)
    if isinstance(policy, Unresolved):
        return {}, True, False
    doc = as_document(policy)
    statements = doc.get("Statement")
    if not isinstance(statements, list):
        statements = [statements] if statements else []
    known = []
    allow_unknown = guard_unknown = False
    for statement in statements:
        if not isinstance(statement, dict):
            # a statement known only at deploy time may allow anyone, or deny: set aside as both
            allow_unknown = guard_unknown = True
            continue
        if statement.get("Effect") == "Deny" and contains_unresolved(statement) is not None:
            guard_unknown = guard_unknown or could_guard(statement)  # a Deny never grants: only that matters
            continue
        who = {k: v for k, v in statement.items() if k in _WHO}
        if contains_unresolved(who) is None:
            # exposure is about who may act and under what condition: an unknown resource or action counts as any
            known.append({k: "*" if contains_unresolved(v) is not None else v for k, v in statement.items()})
        else:
            allow_unknown = True
    undecided = allow_unknown or contains_unresolved(doc.get("Version")) is not None
    return {**doc, "Statement": known}, undecided, guard_unknown


Blocker = Callable[[ResourceView, RuleContext], tuple[bool | None, str]]
"""A service's own blocking layer: (True, what blocks) | (None, what is unknown) | (False, '')."""


def exposure_verdict(
    view: ResourceView, ctx: RuleContext, policy: Any, what: str, blocker: Blocker | None = None
) -> Verdict:
    """Fail when ``policy`` lets in the internet or unknown accounts; pass otherwise.

    Statements holding values known only at deploy time are set aside: a definite exposure in the others still
    fails, and otherwise the answer is unknown, never a pass. A public grant that ``blocker`` neutralises is a
    low-severity latent failure (the blocker, e.g. S3's RestrictPublicBuckets, also stops the cross-account access
    that such a public policy grants); one it may or may not neutralise is unknown.
    """
    known, undecided, guard_unknown = _known_part(policy)
    found = assess(known, ctx)
    reasons = found.reasons
    view.note("exposure", reasons)
    if found.public and guard_unknown:
        return unknown(
            f"{what} of {view.id} grants public access unless a Deny statement holding values known only at "
            "deploy time limits it"
        )
    if found.public and blocker is not None:
        state, by = blocker(view, ctx)
        view.note("public_blocked_by" if state else "public_block_unknown", by or None)
        if state:
            return failed(
                f"{what} of {view.id} grants {'; '.join(reasons)}, but {by} neutralises it: latent, not public",
                Severity.LOW,
                public_exposure=False,
            )
        if state is None:
            return unknown(
                f"{what} of {view.id} grants {'; '.join(reasons)}; whether {by} neutralises it is unknown"
            )
    if not reasons and undecided:
        bad = first_malformed(checked(policy, what))
        if bad is not None:
            return unknown(f"{what} of {view.id} cannot be judged: {bad.reason}")
        return unknown(f"{what} of {view.id} depends on values known only at deploy time")
    if not reasons:
        return passed(f"{what} grants no public or unknown cross-account access")
    severity = Severity.CRITICAL if found.public else Severity.HIGH
    return failed(f"{what} of {view.id} grants {'; '.join(reasons)}", severity)


PolicyOf = Callable[[ResourceView, RuleContext], Any]

PUBLIC = {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}
"""Example policy: anyone, anything."""
ORG_ONLY = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "*",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}},
        }
    ]
}
"""Example policy: any principal, limited to the organisation by condition."""
OTHER_ACCOUNT = {
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
            "Action": "*",
            "Resource": "*",
        }
    ]
}
"""Example policy: an account outside the workload."""


def own_property(path: str) -> PolicyOf:
    """The policy is a property of the resource itself."""
    return lambda view, ctx: view.peek(path)  # unknown parts are weighed by exposure_verdict


def neighbour(resource_type: str, key: str, link: str | None = None, names: tuple[str, ...] = ()) -> PolicyOf:
    """The policy lives on a neighbour resource (e.g. AWS::SQS::QueuePolicy): one with the same id (live),
    or one whose ``link`` property names this resource by id or by one of its ``names`` (a template's Ref)."""

    def policy_of(view: ResourceView, ctx: RuleContext) -> Any:
        own = {view.id} | {str(view.resource.properties[n]) for n in names if view.resource.properties.get(n)}
        for p in ctx.inventory.of_type(resource_type):
            linked = p.properties.get(link) if link else None
            targets = linked if isinstance(linked, list) else [linked]
            if p.id == view.id or any(isinstance(t, str) and t in own for t in targets):
                return p.properties.get(key)
        return None

    return policy_of


def exposure_evaluate(
    policy_of: PolicyOf, what: str, blocker: Blocker | None = None
) -> Callable[[ResourceView, RuleContext], Verdict | None]:
    """A rule's evaluate(): not applicable without a policy, else the exposure verdict."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        policy = policy_of(view, ctx)
        if not policy:
            return None
        return exposure_verdict(view, ctx, policy, what, blocker)

    return evaluate
