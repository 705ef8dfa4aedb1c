"""GuardDuty detectors in one region, with the detector's own active findings (see guardduty_findings)."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.collect.guardduty_findings import DETECTOR, not_read, read_findings
from wasp.model import SUPPLEMENTARY, Resource


class GuardDutyCollector(Collector):
    """Each detector with its status, features and (``Supplementary``) its active findings."""

    name = "guardduty"
    service = "guardduty"
    resource_types = (DETECTOR,)
    permissions = (
        "guardduty:ListDetectors",
        "guardduty:GetDetector",
        "guardduty:ListFindings",
        "guardduty:GetFindings",
    )

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_detectors, get_detector, then an enabled detector's findings (list_findings + get_findings)."""
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
            if props["Enable"] is True:
                props[SUPPLEMENTARY] = read_findings(api, detector_id)
            elif props["Enable"] is False:
                props[SUPPLEMENTARY] = not_read("the detector is suspended: GuardDuty makes no findings")
            else:
                props[SUPPLEMENTARY] = not_read("the detector could not be read")
            yield Resource(
                type=DETECTOR,
                id=detector_id,
                origin=live(api, api.region),
                properties=props,
                arn=f"arn:aws:guardduty:{api.region}:{api.account}:detector/{detector_id}",
            )
