"""Organisation-wide settings of the security services, read once per region from the reviewing account.

Only an organisation review runs this collector (in the management or delegated-administrator account it starts
from): GuardDuty, Security Hub and Inspector organisation configuration (auto-enable for new and existing
member accounts), Config's organisation aggregators, and the organisation trails CloudTrail shows this account
(an organisation trail of the management account is visible in a delegated administrator as a shadow trail). A
service this account does not administer answers with an error: that service's configuration is then unknown (a
gap on its resource), never "off".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

SERVICE_CONFIGURATION = "WASP::Organizations::ServiceConfiguration"
"""One resource per (service, region): ``Service`` and its organisation ``Configuration`` (or Unresolved)."""


class OrgServicesCollector(Collector):
    """Organisation configuration of GuardDuty, Security Hub, Inspector, Config aggregators and org trails."""

    name = "orgservices"
    service = "organizations"
    resource_types = (SERVICE_CONFIGURATION,)
    permissions = (
        "guardduty:ListDetectors",
        "guardduty:DescribeOrganizationConfiguration",
        "securityhub:DescribeOrganizationConfiguration",
        "inspector2:DescribeOrganizationConfiguration",
        "config:DescribeConfigurationAggregators",
        "cloudtrail:DescribeTrails",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One resource per service; a refused read leaves that service's configuration unknown."""
        readers: dict[str, Callable[[ApiReader], Any]] = {
            "guardduty": _guardduty,
            "securityhub": _securityhub,
            "inspector2": _inspector,
            "config": _config,
            "cloudtrail": _cloudtrail,
        }
        for service, read in readers.items():
            try:
                configuration = read(api)
            except CallFailed as failed:
                configuration = failed.unresolved
            yield Resource(
                type=SERVICE_CONFIGURATION,
                id=f"{service}/{api.region}",
                origin=live(api, api.region),
                properties={"Service": service, "Configuration": configuration},
            )


def _call(api: ApiReader, service: str, operation: str, **params: Any) -> dict[str, Any]:
    out = api.call(
        operation,
        service=service,
        resource_id=f"{service}/{api.region}",
        affects=(SERVICE_CONFIGURATION,),
        **params,
    )
    return {k: v for k, v in (out or {}).items() if k != "ResponseMetadata"}


def _guardduty(api: ApiReader) -> Any:
    detectors = api.pages(
        "list_detectors",
        "DetectorIds",
        service="guardduty",
        resource_id=f"guardduty/{api.region}",
        affects=(SERVICE_CONFIGURATION,),
    )
    if not detectors:
        return {"DetectorId": None}
    found = _call(api, "guardduty", "describe_organization_configuration", DetectorId=detectors[0])
    return {"DetectorId": detectors[0], **found}


def _securityhub(api: ApiReader) -> Any:
    return _call(api, "securityhub", "describe_organization_configuration")


def _inspector(api: ApiReader) -> Any:
    return _call(api, "inspector2", "describe_organization_configuration")


def _config(api: ApiReader) -> Any:
    found = _call(api, "config", "describe_configuration_aggregators")
    return {
        "OrganizationAggregators": [
            {
                "Name": a.get("ConfigurationAggregatorName"),
                "AllAwsRegions": bool(a["OrganizationAggregationSource"].get("AllAwsRegions")),
                "AwsRegions": a["OrganizationAggregationSource"].get("AwsRegions", []),
            }
            for a in found.get("ConfigurationAggregators", [])
            if a.get("OrganizationAggregationSource")
        ]
    }


def _cloudtrail(api: ApiReader) -> Any:
    """Organisation trails visible here, shadow trails included (a member sees the management account's)."""
    found = _call(api, "cloudtrail", "describe_trails", includeShadowTrails=True)
    return {
        "OrganizationTrails": [
            {
                "Name": t.get("Name"),
                "TrailARN": t.get("TrailARN"),
                "HomeRegion": t.get("HomeRegion"),
                "IsMultiRegionTrail": bool(t.get("IsMultiRegionTrail")),
            }
            for t in found.get("trailList", [])
            if t.get("IsOrganizationTrail")
        ]
    }


ORG_ONLY: dict[str, type[Collector]] = {OrgServicesCollector.name: OrgServicesCollector}
"""Collectors only an organisation review plans (in the account it starts from), by name."""
