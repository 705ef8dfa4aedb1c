"""AWS RAM resource shares this account owns in one region, with who and what they share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live, tags_from
from wasp.model import Resource

SHARE = "AWS::RAM::ResourceShare"
LIVE = ("ASSOCIATED", "ASSOCIATING")


class RamCollector(Collector):
    """Shares owned by the account (active), their principals (with RAM's external flag) and resources."""

    name = "ram"
    service = "ram"
    resource_types = (SHARE,)
    permissions = ("ram:GetResourceShares", "ram:GetResourceShareAssociations")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Three paginated calls per region, whatever the number of shares."""
        shares = [
            s
            for s in api.pages(
                "get_resource_shares", "resourceShares", resourceOwner="SELF", affects=(SHARE,)
            )
            if s.get("status") == "ACTIVE"
        ]
        if not shares:
            return
        principals = self._associations(api, "PRINCIPAL")
        resources = self._associations(api, "RESOURCE")
        for s in shares:
            arn = s["resourceShareArn"]
            yield Resource(
                type=SHARE,
                id=s.get("name") or arn,
                arn=arn,
                origin=live(api, api.region),
                properties={
                    "Name": s.get("name"),
                    "AllowExternalPrincipals": bool(s.get("allowExternalPrincipals")),
                    "Principals": self._of(principals, arn),
                    "ResourceArns": self._of(resources, arn),
                    "Tags": tags_from(s.get("tags"), "key", "value"),
                },
            )

    @staticmethod
    def _associations(api: ApiReader, kind: str) -> Any:
        """Live associations of one kind, by share; the failed read's marker when they cannot be listed."""
        try:
            found = api.pages(
                "get_resource_share_associations",
                "resourceShareAssociations",
                associationType=kind,
                resource_id=f"{kind.lower()}s",
                affects=(SHARE,),
            )
        except CallFailed as failed:
            return failed.unresolved
        out: dict[str, list[dict[str, Any]]] = {}
        for a in found:
            if a.get("status") in LIVE:
                entry = {"Entity": a.get("associatedEntity")}
                if kind == "PRINCIPAL":
                    entry["External"] = bool(a.get("external"))
                out.setdefault(a.get("resourceShareArn", ""), []).append(entry)
        return out

    @staticmethod
    def _of(associations: Any, arn: str) -> Any:
        if not isinstance(associations, dict):
            return associations
        return associations.get(arn, [])
