"""Select the accounts of an organisation review from the discovered accounts (pure, no AWS)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wasp.model.org import OrgScope


@dataclass(frozen=True)
class OrgAccount:
    """One account of the organisation and where it sits in the OU tree."""

    id: str
    name: str
    status: str
    chain: tuple[tuple[str, str], ...]
    """(OU id, OU name) from the root down to the account's parent; the root is ("r-...", "Root")."""
    tags: tuple[tuple[str, str], ...] = ()

    @property
    def path(self) -> str:
        """The OU path by names, e.g. ``Root/workloads/prod``."""
        return "/".join(name for _, name in self.chain)

    def under(self, ou: str) -> bool:
        """True when the account sits in ``ou`` (an OU id, name or path) or one of its sub-OUs."""
        path = self.path
        return any(ou in (oid, name) for oid, name in self.chain) or path == ou or path.startswith(f"{ou}/")


def select(accounts: Iterable[OrgAccount], scope: OrgScope) -> list[OrgAccount]:
    """The ACTIVE accounts ``scope`` selects, in account-id order (see :class:`wasp.model.org.OrgScope`)."""
    chosen: list[OrgAccount] = []
    includes = bool(scope.include_ous or scope.include_accounts)
    for account in accounts:
        if account.status != "ACTIVE":
            continue
        included = (
            not includes
            or account.id in scope.include_accounts
            or any(account.under(ou) for ou in scope.include_ous)
        )
        tags = dict(account.tags)
        tagged = all(tags.get(k) == v for k, v in scope.account_tags)
        excluded = account.id in scope.exclude_accounts or any(account.under(ou) for ou in scope.exclude_ous)
        if included and tagged and not excluded:
            chosen.append(account)
    return sorted(chosen, key=lambda a: a.id)
