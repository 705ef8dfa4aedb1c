"""AWS Config recorders in one region, with their recording status."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

RECORDER = "AWS::Config::ConfigurationRecorder"


class ConfigCollector(Collector):
    """Recorders: what they record and whether they are recording."""

    name = "config"
    service = "config"
    resource_types = (RECORDER,)
    permissions = ("config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Two calls per region."""
        recorders = (api.call("describe_configuration_recorders", affects=(RECORDER,)) or {}).get(
            "ConfigurationRecorders", []
        )
        status: dict[str, Any] = {}
        try:
            got = (
                api.call(
                    "describe_configuration_recorder_status", resource_id="recorders", affects=(RECORDER,)
                )
                or {}
            )
            status = {
                s["name"]: bool(s.get("recording")) for s in got.get("ConfigurationRecordersStatus", [])
            }
        except CallFailed as failed:
            status = {r["name"]: failed.unresolved for r in recorders}
        for rec in recorders:
            group = rec.get("recordingGroup") or {}
            yield Resource(
                type=RECORDER,
                id=rec["name"],
                origin=live(api, api.region),
                arn=f"arn:aws:config:{api.region}:{api.account}:config-recorder/{rec['name']}",
                properties={
                    "Name": rec["name"],
                    "RoleARN": rec.get("roleARN"),
                    "RecordingGroup": {
                        "AllSupported": bool(group.get("allSupported")),
                        "IncludeGlobalResourceTypes": bool(group.get("includeGlobalResourceTypes")),
                        "ResourceTypes": group.get("resourceTypes", []),
                    },
                    SUPPLEMENTARY: {"Recording": status.get(rec["name"], False)},
                },
            )
