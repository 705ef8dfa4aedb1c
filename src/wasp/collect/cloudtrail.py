"""CloudTrail trails whose home is this region, with status and event selectors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

TRAIL = "AWS::CloudTrail::Trail"


class CloudTrailCollector(Collector):
    """Trails (counted once, in their home region)."""

    name = "cloudtrail"
    service = "cloudtrail"
    resource_types = (TRAIL,)
    permissions = ("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_trails without shadow trails, then status and selectors per trail."""
        result = api.call("describe_trails", includeShadowTrails=False, affects=(TRAIL,)) or {}
        for trail in result.get("trailList", []):
            if trail.get("HomeRegion", api.region) != api.region:
                continue
            arn = trail["TrailARN"]
            props: dict[str, Any] = {
                "TrailName": trail["Name"],
                "S3BucketName": trail.get("S3BucketName"),
                "IsMultiRegionTrail": bool(trail.get("IsMultiRegionTrail")),
                "IsOrganizationTrail": bool(trail.get("IsOrganizationTrail")),
                "IncludeGlobalServiceEvents": bool(trail.get("IncludeGlobalServiceEvents")),
                "EnableLogFileValidation": bool(trail.get("LogFileValidationEnabled")),
                "KMSKeyId": trail.get("KmsKeyId"),
                "CloudWatchLogsLogGroupArn": trail.get("CloudWatchLogsLogGroupArn"),
                "SnsTopicArn": trail.get("SnsTopicARN"),
            }
            try:
                status = api.call("get_trail_status", Name=arn, resource_id=arn, affects=(TRAIL,)) or {}
                props["IsLogging"] = bool(status.get("IsLogging"))
            except CallFailed as failed:
                props["IsLogging"] = failed.unresolved
            try:
                sel = api.call("get_event_selectors", TrailName=arn, resource_id=arn, affects=(TRAIL,)) or {}
                props["EventSelectors"] = sel.get("EventSelectors") or []
                props["AdvancedEventSelectors"] = sel.get("AdvancedEventSelectors") or []
            except CallFailed as failed:
                props["EventSelectors"] = failed.unresolved
                props["AdvancedEventSelectors"] = failed.unresolved
            yield Resource(
                type=TRAIL, id=trail["Name"], arn=arn, origin=live(api, api.region), properties=props
            )
