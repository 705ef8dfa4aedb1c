"""List the organisation's accounts and OU tree from the management account or a delegated administrator."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from wasp.errors import AwsSetupError
from wasp.org.scope import OrgAccount


@dataclass(frozen=True)
class Organisation:
    """The organisation as discovered: its id, management account and every account (any status)."""

    id: str
    management_account: str
    accounts: tuple[OrgAccount, ...]


def _pages(client: Any, operation: str, key: str, **kwargs: Any) -> list[dict[str, Any]]:
    """Every item of a paginated listing."""
    out: list[dict[str, Any]] = []
    for page in client.get_paginator(operation).paginate(**kwargs):
        out.extend(page.get(key, []))
    return out


def discover(client: Any, caller_account: str, with_tags: bool) -> Organisation:
    """The organisation seen by ``client`` (an Organizations client for the caller's credentials).

    Walks the OU tree from each root (paginated), so every account comes with its OU chain; reads account
    tags only when ``with_tags`` (a tag selector is in use), one call per account. A caller that is not in an
    organisation, or may not list it, is one clear line naming what to do.
    """
    try:
        org = client.describe_organization()["Organization"]
        roots = _pages(client, "list_roots", "Roots")
        accounts: list[OrgAccount] = []
        stack: list[tuple[str, tuple[tuple[str, str], ...]]] = [
            (r["Id"], ((r["Id"], "Root"),)) for r in roots
        ]
        while stack:
            parent, chain = stack.pop()
            for acct in _pages(client, "list_accounts_for_parent", "Accounts", ParentId=parent):
                tags = _tags(client, acct["Id"]) if with_tags else ()
                accounts.append(
                    OrgAccount(acct["Id"], acct.get("Name", ""), str(acct.get("Status", "")), chain, tags)
                )
            ous = _pages(
                client, "list_organizational_units_for_parent", "OrganizationalUnits", ParentId=parent
            )
            for ou in sorted(ous, key=lambda o: str(o["Id"]), reverse=True):
                stack.append((ou["Id"], (*chain, (ou["Id"], ou.get("Name", ou["Id"])))))
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "error")
        if code == "AWSOrganizationsNotInUseException":
            raise AwsSetupError(
                f"account {caller_account} is not in an AWS organisation: drop --org (org: true) and list "
                "the accounts instead"
            ) from exc
        raise AwsSetupError(
            f"cannot list the organisation's accounts from {caller_account} ({code}): run an org review "
            "from the management account or a delegated administrator with organizations:List* "
            "(see docs/org.md)"
        ) from exc
    except BotoCoreError as exc:
        raise AwsSetupError(f"cannot list the organisation's accounts: {exc}") from exc
    return Organisation(
        str(org["Id"]), str(org.get("MasterAccountId", "")), tuple(sorted(accounts, key=lambda a: a.id))
    )


def _tags(client: Any, account: str) -> tuple[tuple[str, str], ...]:
    tags = _pages(client, "list_tags_for_resource", "Tags", ResourceId=account)
    return tuple(sorted((str(t["Key"]), str(t["Value"])) for t in tags))
