"""Systems Manager in one region: which instances are managed, and their patch compliance."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource

MANAGED = "WASP::SSM::ManagedInstance"
"""No CloudFormation type describes SSM's view of an instance; the design allows WASP:: types for this."""


class SsmCollector(Collector):
    """Managed instances (ping status, agent) with patch compliance from the patch state summary."""

    name = "ssm"
    service = "ssm"
    resource_types = (MANAGED,)
    permissions = ("ssm:DescribeInstanceInformation", "ssm:DescribeInstancePatchStates")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """describe_instance_information, then patch states for those instances in batches of 50."""
        infos = api.pages("describe_instance_information", "InstanceInformationList", affects=(MANAGED,))
        ids = [i["InstanceId"] for i in infos]
        states: dict[str, dict[str, object]] = {}
        for start in range(0, len(ids), 50):
            got = api.pages(
                "describe_instance_patch_states",
                "InstancePatchStates",
                InstanceIds=ids[start : start + 50],
                affects=(MANAGED,),
            )
            states.update({s["InstanceId"]: s for s in got})
        for info in infos:
            state = states.get(info["InstanceId"], {})
            missing = int(str(state.get("MissingCount", 0))) + int(str(state.get("FailedCount", 0)))
            yield Resource(
                type=MANAGED,
                id=info["InstanceId"],
                origin=live(api, api.region),
                properties={
                    "PingStatus": info.get("PingStatus"),
                    "PlatformName": info.get("PlatformName"),
                    "PatchMissingOrFailed": missing if state else None,
                },
            )
