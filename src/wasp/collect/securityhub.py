"""Security Hub in one region: the hub, its enabled standards and its failed FSBP/CIS controls."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.collect.securityhub_findings import HUB, read_findings
from wasp.model import SUPPLEMENTARY, Resource


class SecurityHubCollector(Collector):
    """The hub (absent when Security Hub is off) with the ARNs of its enabled standards and (``Supplementary``)
    its failed control findings."""

    name = "securityhub"
    service = "securityhub"
    resource_types = (HUB,)
    permissions = ("securityhub:DescribeHub", "securityhub:GetEnabledStandards", "securityhub:GetFindings")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_hub says whether it is on; get_enabled_standards which standards run; get_findings what
        failed."""
        hub = api.call(
            "describe_hub", absent=("InvalidAccessException", "ResourceNotFoundException"), affects=(HUB,)
        )
        if not hub:
            return
        arn = hub.get("HubArn", f"arn:aws:securityhub:{api.region}:{api.account}:hub/default")
        standards: Any
        try:
            got = api.pages(
                "get_enabled_standards", "StandardsSubscriptions", resource_id=arn, affects=(HUB,)
            )
            standards = [
                s.get("StandardsArn")
                for s in got
                if s.get("StandardsStatus", "READY") in ("READY", "PENDING")
            ]
        except CallFailed as failed:
            standards = failed.unresolved
        yield Resource(
            type=HUB,
            id=arn,
            arn=arn,
            origin=live(api, api.region),
            properties={
                "AutoEnableControls": hub.get("AutoEnableControls"),
                SUPPLEMENTARY: {"EnabledStandards": standards, **read_findings(api, arn)},
            },
        )
