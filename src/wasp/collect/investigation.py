"""Investigation tooling in one region: IAM Access Analyzer, Detective and Security Lake."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import Resource

ANALYZER = "AWS::AccessAnalyzer::Analyzer"
GRAPH = "AWS::Detective::Graph"
LAKE = "AWS::SecurityLake::DataLake"


class InvestigationCollector(Collector):
    """Analyzers, behaviour graphs and data lakes; each failing service is its own gap."""

    name = "investigation"
    service = "accessanalyzer"
    resource_types = (ANALYZER, GRAPH, LAKE)
    permissions = ("access-analyzer:ListAnalyzers", "detective:ListGraphs", "securitylake:ListDataLakes")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Three independent reads."""
        origin = live(api, api.region)
        with suppress(CallFailed):
            for a in api.pages("list_analyzers", "analyzers", affects=(ANALYZER,)):
                yield Resource(
                    type=ANALYZER,
                    id=a["name"],
                    arn=a.get("arn"),
                    origin=origin,
                    properties={
                        "AnalyzerName": a["name"],
                        "Type": a.get("type"),
                        "Supplementary": {"Status": a.get("status")},
                    },
                )
        with suppress(CallFailed):
            graphs = api.call("list_graphs", service="detective", affects=(GRAPH,)) or {}
            for g in graphs.get("GraphList", []):
                yield Resource(type=GRAPH, id=g["Arn"], arn=g["Arn"], origin=origin, properties={})
        with suppress(CallFailed):
            lakes = (
                api.call("list_data_lakes", service="securitylake", regions=[api.region], affects=(LAKE,))
                or {}
            )
            for lake in lakes.get("dataLakes", []):
                arn = lake.get("dataLakeArn", "")
                yield Resource(
                    type=LAKE,
                    id=arn,
                    arn=arn,
                    origin=origin,
                    properties={"Supplementary": {"Status": lake.get("createStatus")}},
                )
