"""Deactivate (never delete) access keys unused for more than 90 days, named by their real AccessKeyId."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from wasp.model import SUPPLEMENTARY, Origin, OriginKind, Resource
from wasp.remediate.base import Call, FixContext, Fixer, FixImpossible, NeedsInput

if TYPE_CHECKING:
    from wasp.collect.clients import ClientFactory

KEY_TYPE = "AWS::IAM::AccessKey"
_SLOT = re.compile(r"key[0-9]")
"""How reviews before key ids named a key: by its credential-report slot, which moves when a key is deleted."""


def _iso(value: Any) -> str | None:
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else None


def _gone(exc: ClientError) -> bool:
    return str(exc.response.get("Error", {}).get("Code")) in ("NoSuchEntity", "NoSuchEntityException")


def key_of(resource_id: str) -> tuple[str, str]:
    """(user name, access key id) from a key's resource id ``USER/AKIA...``.

    Raises FixImpossible for a review that named the key by slot (``USER/key1``): a slot is not an identity.
    """
    user, _, key_id = resource_id.rpartition("/")
    if not user or not key_id or _SLOT.fullmatch(key_id):
        raise FixImpossible(
            f"the review names access key {resource_id!r} by its slot, not its access key id: review again "
            "(the IAM collector records key ids; it needs iam:ListAccessKeys) and fix from the new review"
        )
    return user, key_id


class DeactivateUnusedKey(Fixer):
    """update_access_key Status=Inactive (reversible; the key is kept)."""

    rule = "iam_access_key_unused"
    collectors = ("iam",)
    reads_directly = True
    title = "Deactivate the unused access key"
    permissions = ("iam:ListAccessKeys", "iam:GetAccessKeyLastUsed", "iam:UpdateAccessKey")
    risk = "A rarely-run job using the key fails until it is re-activated (reversible with Status=Active)."

    def read(
        self, ref: Mapping[str, Any], clients: ClientFactory, account: str, region: str
    ) -> Resource | None:
        """The key now: status from ListAccessKeys, last use from GetAccessKeyLastUsed.

        Not the credential report, which AWS may serve up to four hours old: a key used since the review
        must show as used.
        """
        user, key_id = key_of(str(ref["id"]))
        iam = clients.client("iam", region)
        try:
            listed = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
            key = next((k for k in listed if k["AccessKeyId"] == key_id), None)
            if key is None:
                return None
            last_used = iam.get_access_key_last_used(AccessKeyId=key_id).get("AccessKeyLastUsed") or {}
        except ClientError as exc:
            if _gone(exc):
                return None
            raise
        return Resource(
            type=KEY_TYPE,
            id=str(ref["id"]),
            origin=Origin(OriginKind.LIVE, account, None),
            properties={
                "UserName": user,
                "AccessKeyId": key_id,
                "Status": key.get("Status"),
                SUPPLEMENTARY: {
                    "CreateDate": _iso(key.get("CreateDate")),
                    "LastUsedDate": _iso(last_used.get("LastUsedDate")),
                },
            },
        )

    def needs(self, resource: Resource, ctx: FixContext) -> NeedsInput | None:
        """The key's access key id: a review that named the key by its slot cannot say which key it is."""
        try:
            key_of(resource.id)
        except FixImpossible:
            return NeedsInput(
                f"the access key id of {resource.id!r} (the review names the key by its credential-report "
                "slot, which moves when a key is deleted)",
                "review again (the IAM collector records key ids; it needs iam:ListAccessKeys) and fix from "
                "the new review",
            )
        return None

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """Deactivate this key, by its id; nothing when it is not active."""
        if resource.properties.get("Status") != "Active":
            return []
        user, key_id = key_of(resource.id)
        return [
            Call("iam", "update_access_key", {"UserName": user, "AccessKeyId": key_id, "Status": "Inactive"})
        ]


FIXER = DeactivateUnusedKey()
