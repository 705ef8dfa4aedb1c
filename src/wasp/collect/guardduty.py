"""GuardDuty detectors in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

DETECTOR = "AWS::GuardDuty::Detector"


class GuardDutyCollector(Collector):
    """Each detector with its status and features."""

    name = "guardduty"
    service = "guardduty"
    resource_types = (DETECTOR,)
    permissions = ("guardduty:ListDetectors", "guardduty:GetDetector")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_detectors then get_detector."""
        for detector_id in api.pages("list_detectors", "DetectorIds", affects=(DETECTOR,)):
            props: dict[str, object] = {}
            try:
                d = (
                    api.call(
                        "get_detector", DetectorId=detector_id, resource_id=detector_id, affects=(DETECTOR,)
                    )
                    or {}
                )
                props["Enable"] = d.get("Status") == "ENABLED"
                props["FindingPublishingFrequency"] = d.get("FindingPublishingFrequency")
                props["Features"] = [
                    {"Name": f.get("Name"), "Status": f.get("Status")} for f in d.get("Features", [])
                ]
            except CallFailed as failed:
                props["Enable"] = failed.unresolved
            yield Resource(
                type=DETECTOR,
                id=detector_id,
                origin=live(api, api.region),
                properties=props,
                arn=f"arn:aws:guardduty:{api.region}:{api.account}:detector/{detector_id}",
            )
