"""Which credentials may fix which account: the caller's own account, or a role assumed into each account
the review found something in. Fixes for any other account are refused, never applied elsewhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from wasp.collect.clients import ClientFactory
from wasp.collect.session import open_accounts
from wasp.remediate.plan import PlanEntry


@dataclass(frozen=True)
class FixAccess:
    """Clients per account that may be changed, and a one-line reason for each account that may not."""

    caller: str
    """The ARN of the base credentials (the audit log's "who")."""
    clients: dict[str, ClientFactory] = field(default_factory=dict)
    refused: dict[str, str] = field(default_factory=dict)


def by_account(entries: Sequence[PlanEntry]) -> dict[str, list[PlanEntry]]:
    """Entries grouped by the account the review found them in ("" when it does not say)."""
    out: dict[str, list[PlanEntry]] = {}
    for entry in entries:
        out.setdefault(str(entry.finding["resource"].get("account") or ""), []).append(entry)
    return out


def fix_access(profile: str | None, accounts: Sequence[str], role_name: str | None, region: str) -> FixAccess:
    """Clients for each account: with ``role_name`` the role assumed in it, else only the caller's own.

    One GetCallerIdentity call names the caller (an AssumeRole per account with a role); a role that cannot
    be assumed raises AwsSetupError before anything is changed.
    """
    known = [a for a in accounts if a]
    unnamed = {"": "the review does not say which account these resources are in"} if "" in accounts else {}
    if role_name and known:
        assumed = open_accounts(profile, tuple(known), role_name, region)
        return FixAccess(assumed[0].caller, {a.account: a.clients for a in assumed}, unnamed)
    own = open_accounts(profile, (), None, region)[0]
    refused = {
        a: (
            f"the review found these in account {a}, but the credentials are for account {own.account}: "
            f"use credentials for {a}, or set role_name (workload file or --role-name) to assume into it"
        )
        for a in known
        if a != own.account
    }
    allowed = {own.account: own.clients} if own.account in known else {}
    return FixAccess(own.caller, allowed, {**refused, **unnamed})
