"""Amazon Detective behaviour graphs in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import Resource

GRAPH = "AWS::Detective::Graph"


class DetectiveCollector(Collector):
    """Graphs (one per region when Detective is enabled)."""

    name = "detective"
    service = "detective"
    resource_types = (GRAPH,)
    permissions = ("detective:ListGraphs",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One call."""
        for g in (api.call("list_graphs", affects=(GRAPH,)) or {}).get("GraphList", []):
            yield Resource(type=GRAPH, id=g["Arn"], arn=g["Arn"], origin=live(api, api.region), properties={})
