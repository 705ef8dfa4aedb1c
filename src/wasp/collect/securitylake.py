"""Amazon Security Lake data lakes in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

LAKE = "AWS::SecurityLake::DataLake"


class SecurityLakeCollector(Collector):
    """The region's data lake, if any."""

    name = "securitylake"
    service = "securitylake"
    resource_types = (LAKE,)
    permissions = ("securitylake:ListDataLakes",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One call, filtered to this region."""
        for lake in (api.call("list_data_lakes", regions=[api.region], affects=(LAKE,)) or {}).get(
            "dataLakes", []
        ):
            arn = lake.get("dataLakeArn", "")
            yield Resource(
                type=LAKE,
                id=arn,
                arn=arn,
                origin=live(api, api.region),
                properties={SUPPLEMENTARY: {"Status": lake.get("createStatus")}},
            )
