"""IAM Access Analyzer analyzers in one region, with their active findings (bounded)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

ANALYZER = "AWS::AccessAnalyzer::Analyzer"
DEFAULT_MAX_FINDINGS = 1000
"""Findings read per analyzer when the reader sets no cap of its own (``ApiReader.max_findings``)."""


def max_findings(api: ApiReader) -> int:
    """The findings cap for this task: the reader's, or the default."""
    return int(getattr(api, "max_findings", DEFAULT_MAX_FINDINGS))


def _finding(f: dict[str, Any]) -> dict[str, Any]:
    """The facts a rule weighs, in CloudFormation-like casing; nothing else of the finding is kept."""
    return {
        "Id": f.get("id"),
        "FindingType": f.get("findingType"),
        "Status": f.get("status"),
        "ResourceType": f.get("resourceType"),
        "Resource": f.get("resource"),
        "ResourceOwnerAccount": f.get("resourceOwnerAccount"),
        "CreatedAt": str(f.get("createdAt") or "") or None,
        "UpdatedAt": str(f.get("updatedAt") or "") or None,
    }


class AccessAnalyzerCollector(Collector):
    """Analyzers with their type, status and active findings (external access, unused access)."""

    name = "accessanalyzer"
    service = "accessanalyzer"
    resource_types = (ANALYZER,)
    permissions = ("access-analyzer:ListAnalyzers", "access-analyzer:ListFindingsV2")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """list_analyzers, then the ACTIVE findings of each active analyzer (at most the cap per analyzer)."""
        for a in api.pages("list_analyzers", "analyzers", affects=(ANALYZER,)):
            unused = ((a.get("configuration") or {}).get("unusedAccess") or {}).get("unusedAccessAge")
            supplementary: dict[str, Any] = {"Status": a.get("status")}
            if a.get("status", "ACTIVE") == "ACTIVE" and a.get("arn"):
                supplementary.update(self._findings(api, a))
            if unused is not None:
                supplementary["UnusedAccessAge"] = unused
            yield Resource(
                type=ANALYZER,
                id=a["name"],
                arn=a.get("arn"),
                origin=live(api, api.region),
                properties={"AnalyzerName": a["name"], "Type": a.get("type"), SUPPLEMENTARY: supplementary},
            )

    @staticmethod
    def _findings(api: ApiReader, analyzer: dict[str, Any]) -> dict[str, Any]:
        cap = max_findings(api)
        try:
            found = api.pages(
                "list_findings_v2",
                "findings",
                analyzerArn=analyzer["arn"],
                filter={"status": {"eq": ["ACTIVE"]}},
                PaginationConfig={"MaxItems": cap, "PageSize": min(cap, 100)},
                resource_id=analyzer["name"],
                affects=(ANALYZER,),
            )
        except CallFailed as failed:
            return {"Findings": failed.unresolved}
        return {"Findings": [_finding(f) for f in found[:cap]], "FindingsCapped": len(found) >= cap}
