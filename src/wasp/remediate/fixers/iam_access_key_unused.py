"""Deactivate (never delete) access keys unused for more than 90 days."""

from __future__ import annotations

from typing import Any

from wasp.model import Resource
from wasp.remediate.base import Call, FixContext, Fixer


class DeactivateUnusedKey(Fixer):
    """update_access_key Status=Inactive (reversible; the key is kept)."""

    rule = "iam_access_key_unused"
    collectors = ("iam",)
    title = "Deactivate the unused access key"
    permissions = ("iam:ListAccessKeys", "iam:UpdateAccessKey")
    risk = "A rarely-run job using the key fails until it is re-activated (reversible with Status=Active)."

    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """The key id is looked up at apply time (the credential report names keys by slot)."""
        if resource.properties.get("Status") != "Active":
            return []
        user = str(resource.properties.get("UserName"))
        slot = int((resource.properties.get("Supplementary") or {}).get("Slot", 1))
        return [
            Call(
                "iam",
                "update_access_key",
                {"UserName": user, "AccessKeyId": f"@slot:{slot}", "Status": "Inactive"},
            )
        ]

    def resolve(self, call: Call, client: Any) -> Call:
        """Credential-report slot N is the user's N-th key by creation date."""
        keys = sorted(
            client.list_access_keys(UserName=call.params["UserName"])["AccessKeyMetadata"],
            key=lambda k: k["CreateDate"],
        )
        slot = int(str(call.params["AccessKeyId"]).split(":", 1)[1])
        return Call(
            call.service,
            call.operation,
            {**call.params, "AccessKeyId": keys[slot - 1]["AccessKeyId"]},
            call.region,
        )


FIXER = DeactivateUnusedKey()
