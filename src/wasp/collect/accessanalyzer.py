"""IAM Access Analyzer analyzers in one region."""

from __future__ import annotations

from collections.abc import Iterator

from wasp.collect.api import ApiReader
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

ANALYZER = "AWS::AccessAnalyzer::Analyzer"


class AccessAnalyzerCollector(Collector):
    """Analyzers with their type and status."""

    name = "accessanalyzer"
    service = "accessanalyzer"
    resource_types = (ANALYZER,)
    permissions = ("access-analyzer:ListAnalyzers",)

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """One paginated call."""
        for a in api.pages("list_analyzers", "analyzers", affects=(ANALYZER,)):
            yield Resource(
                type=ANALYZER,
                id=a["name"],
                arn=a.get("arn"),
                origin=live(api, api.region),
                properties={
                    "AnalyzerName": a["name"],
                    "Type": a.get("type"),
                    SUPPLEMENTARY: {"Status": a.get("status")},
                },
            )
