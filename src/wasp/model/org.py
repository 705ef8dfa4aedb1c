"""An organisation review's scope: which member accounts, and how their role is assumed."""

from __future__ import annotations

from dataclasses import dataclass

SESSION_NAME = "wasp-review"
"""The role session name wasp uses everywhere, so CloudTrail shows who read the account."""


@dataclass(frozen=True)
class OrgScope:
    """Selectors over the organisation's ACTIVE accounts (docs/org.md, "Choosing accounts").

    An account is selected when no include selector is given or it is under an included OU (by id, name or
    path such as ``Root/prod``) or is an included account; and it carries every ``account_tags`` pair; and it
    is neither an excluded account nor under an excluded OU. Excludes win.
    """

    include_ous: tuple[str, ...] = ()
    exclude_ous: tuple[str, ...] = ()
    include_accounts: tuple[str, ...] = ()
    exclude_accounts: tuple[str, ...] = ()
    account_tags: tuple[tuple[str, str], ...] = ()
    """(key, value) pairs an account must carry (Organizations account tags)."""


@dataclass(frozen=True)
class RoleAssumption:
    """How ``role_name`` is assumed in each account: no secret here, only names and numbers."""

    external_id: str | None = None
    duration_seconds: int = 3600
    hub_role_arn: str | None = None
    """A role assumed first with the base credentials; the member roles are then assumed from it (chaining)."""
