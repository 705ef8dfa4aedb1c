"""The account's security alternate contact (on the AWS::::Account resource)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import ACCOUNT_TYPE, Resource


class ContactsCollector(Collector):
    """AlternateContacts.SECURITY: who AWS contacts about security issues in the account."""

    name = "contacts"
    service = "account"
    resource_types = (ACCOUNT_TYPE,)
    is_global = True
    permissions = ("account:GetAlternateContact",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One partial Account resource; absent contact is None, unreadable is unknown."""
        try:
            got = api.call(
                "get_alternate_contact",
                AlternateContactType="SECURITY",
                absent=("ResourceNotFoundException",),
                resource_id=api.account,
                affects=(ACCOUNT_TYPE,),
            )
            contact: Any = None
            if got and got.get("AlternateContact"):
                c = got["AlternateContact"]
                contact = {
                    "Name": c.get("Name"),
                    "EmailAddress": c.get("EmailAddress"),
                    "Title": c.get("Title"),
                }
        except CallFailed as failed:
            contact = failed.unresolved
        yield Resource(
            type=ACCOUNT_TYPE,
            id=api.account,
            origin=live(api, None),
            properties={"AlternateContacts": {"SECURITY": contact}},
        )
