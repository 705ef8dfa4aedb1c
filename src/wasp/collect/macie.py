"""Macie in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource

SESSION = "AWS::Macie::Session"


class MacieCollector(Collector):
    """The Macie session, absent when Macie is not enabled."""

    name = "macie"
    service = "macie2"
    resource_types = (SESSION,)
    permissions = ("macie2:GetMacieSession",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """get_macie_session: AccessDenied/ResourceNotFound with 'not enabled' means off."""
        got = api.call("get_macie_session", absent=("ResourceNotFoundException",), affects=(SESSION,))
        if got and got.get("status"):
            yield Resource(
                type=SESSION,
                id=f"{api.account}/{api.region}",
                origin=live(api, api.region),
                properties={
                    "Status": got["status"],
                    "FindingPublishingFrequency": got.get("findingPublishingFrequency"),
                },
            )
