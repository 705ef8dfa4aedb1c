"""Account-wide settings: root user, password policy (on the AWS::::Account resource)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import ACCOUNT_TYPE, Resource


class AccountCollector(Collector):
    """Root user facts from the account summary, and the password policy."""

    name = "account"
    service = "iam"
    resource_types = (ACCOUNT_TYPE,)
    is_global = True
    permissions = ("iam:GetAccountSummary", "iam:GetAccountPasswordPolicy")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One AWS::::Account resource."""
        props: dict[str, Any] = {"AccountId": api.account}
        # a denied summary leaves the root user's facts unknown, not every account-wide setting
        try:
            summary = api.call("get_account_summary", resource_id=api.account, affects=(ACCOUNT_TYPE,)) or {}
            values = summary.get("SummaryMap", {})
            props["RootUser"] = {
                "MfaEnabled": bool(values.get("AccountMFAEnabled", 0)),
                "AccessKeysPresent": bool(values.get("AccountAccessKeysPresent", 0)),
            }
        except CallFailed as failed:
            props["RootUser"] = failed.unresolved
        try:
            policy = api.call(
                "get_account_password_policy",
                absent=("NoSuchEntity",),
                resource_id=api.account,
                affects=(ACCOUNT_TYPE,),
            )
            props["PasswordPolicy"] = (policy or {}).get("PasswordPolicy")
        except CallFailed as failed:
            props["PasswordPolicy"] = failed.unresolved
        yield Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            properties=props,
            origin=live(api, None),
            arn=f"arn:aws:iam::{api.account}:root",
        )
