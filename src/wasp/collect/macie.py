"""Macie in one region: the session, and its active sensitive-data findings summarised by bucket (bounded)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.collect.base import Collector, live
from wasp.model import SUPPLEMENTARY, Resource

SESSION = "AWS::Macie::Session"
DEFAULT_MAX_FINDINGS = 1000
BATCH = 50
"""GetFindings takes at most 50 ids."""
CRITERIA = {"criterion": {"category": {"eq": ["CLASSIFICATION"]}, "archived": {"eq": ["false"]}}}
"""Sensitive-data (classification) findings that are not archived (suppressed)."""


def max_findings(api: ApiReader) -> int:
    """The findings cap for this task: the reader's, or the default."""
    return int(getattr(api, "max_findings", DEFAULT_MAX_FINDINGS))


def by_bucket(findings: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Finding ids, types and the highest severity per bucket; never the sample or the data found."""
    out: dict[str, dict[str, Any]] = {}
    for f in findings:
        if f.get("archived"):
            continue
        bucket = ((f.get("resourcesAffected") or {}).get("s3Bucket") or {}).get("name")
        if not bucket:
            continue
        entry = out.setdefault(bucket, {"FindingIds": [], "Types": [], "Severity": None})
        entry["FindingIds"].append(f.get("id"))
        if f.get("type") and f["type"] not in entry["Types"]:
            entry["Types"].append(f["type"])
        severity = (f.get("severity") or {}).get("description")
        ranks = ("Low", "Medium", "High")
        if severity in ranks and (
            entry["Severity"] not in ranks or ranks.index(severity) > ranks.index(entry["Severity"])
        ):
            entry["Severity"] = severity
    return out


class MacieCollector(Collector):
    """The Macie session, absent when Macie is not enabled, with its sensitive-data findings by bucket."""

    name = "macie"
    service = "macie2"
    resource_types = (SESSION,)
    permissions = ("macie2:GetMacieSession", "macie2:ListFindings", "macie2:GetFindings")

    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """get_macie_session: AccessDenied/ResourceNotFound with 'not enabled' means off."""
        got = api.call("get_macie_session", absent=("ResourceNotFoundException",), affects=(SESSION,))
        if got and got.get("status"):
            supplementary: dict[str, Any] = {}
            if got["status"] == "ENABLED":
                supplementary = self._findings(api)
            yield Resource(
                type=SESSION,
                id=f"{api.account}/{api.region}",
                origin=live(api, api.region),
                properties={
                    "Status": got["status"],
                    "FindingPublishingFrequency": got.get("findingPublishingFrequency"),
                    SUPPLEMENTARY: supplementary,
                },
            )

    @staticmethod
    def _findings(api: ApiReader) -> dict[str, Any]:
        """Active sensitive-data findings (ids up to the cap, then details 50 at a time)."""
        cap = max_findings(api)
        rid = f"{api.account}/{api.region}"
        try:
            ids = api.pages(
                "list_findings",
                "findingIds",
                findingCriteria=CRITERIA,
                PaginationConfig={"MaxItems": cap, "PageSize": min(cap, 50)},
                resource_id=rid,
                affects=(SESSION,),
            )[:cap]
            details: list[dict[str, Any]] = []
            for start in range(0, len(ids), BATCH):
                got = api.call(
                    "get_findings", findingIds=ids[start : start + BATCH], resource_id=rid, affects=(SESSION,)
                )
                details += (got or {}).get("findings", [])
        except CallFailed as failed:
            return {"SensitiveDataByBucket": failed.unresolved}
        return {"SensitiveDataByBucket": by_bucket(details), "FindingsCapped": len(ids) >= cap}
