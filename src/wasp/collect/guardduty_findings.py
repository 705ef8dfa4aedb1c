"""GuardDuty's own findings for one detector, summarised as evidence (the GuardDuty collector's helper).

Only active findings are read (``service.archived`` false) at or above the workload's severity, updated within
GuardDuty's 90-day retention, most severe first, and at most ``api.max_findings`` of them: when the detector
has more, ``FindingsCapped`` says so, so a rule never takes a truncated list for the whole.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.model import Unresolved

DETECTOR = "AWS::GuardDuty::Detector"
RETENTION_DAYS = 90
"""GuardDuty keeps a finding for 90 days after its last update; older ones no longer exist."""
PAGE = 50
"""ListFindings' largest page and GetFindings' largest batch."""

_LINKED: dict[str, tuple[str, tuple[str, ...]]] = {
    "Instance": ("AWS::EC2::Instance", ("InstanceDetails", "InstanceId")),
    "AccessKey": ("AWS::IAM::AccessKey", ("AccessKeyDetails", "AccessKeyId")),
    "S3Bucket": ("AWS::S3::Bucket", ("S3BucketDetails", "0", "Name")),
    "Lambda": ("AWS::Lambda::Function", ("LambdaDetails", "FunctionName")),
    "RDSDBInstance": ("AWS::RDS::DBInstance", ("RdsDbInstanceDetails", "DbInstanceIdentifier")),
    "EKSCluster": ("AWS::EKS::Cluster", ("EksClusterDetails", "Name")),
    "ECSCluster": ("AWS::ECS::Cluster", ("EcsClusterDetails", "Name")),
}
"""GuardDuty's resource types and where each finding names the resource, as CloudFormation type and id."""


def _dig(node: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        if isinstance(node, list) and part.isdigit():
            node = node[int(part)] if int(part) < len(node) else None
        elif isinstance(node, Mapping):
            node = node.get(part)
        else:
            return None
    return node


def linked_resource(resource: Mapping[str, Any]) -> dict[str, str] | None:
    """The resource a finding is about (``{"Type": "AWS::EC2::Instance", "Id": "i-..."}``), when it names one."""
    kind = str(resource.get("ResourceType") or "")
    known = _LINKED.get(kind)
    if known is None:
        return None
    rid = _dig(resource, known[1])
    return {"Type": known[0], "Id": str(rid)} if rid else None


def summary(finding: Mapping[str, Any]) -> dict[str, Any]:
    """What a rule and a reader need from one finding (the full finding stays in GuardDuty)."""
    service = finding.get("Service") or {}
    return {
        "Id": finding.get("Id"),
        "Type": finding.get("Type"),
        "Severity": finding.get("Severity"),
        "Title": finding.get("Title"),
        "CreatedAt": finding.get("CreatedAt"),
        "UpdatedAt": finding.get("UpdatedAt"),
        "Count": service.get("Count"),
        "Resource": linked_resource(finding.get("Resource") or {}),
    }


def criteria(min_severity: float, now: datetime) -> dict[str, Any]:
    """Active findings at or above the severity (rounded down: the rule applies the exact value), retained."""
    since = now - timedelta(days=RETENTION_DAYS)
    return {
        "Criterion": {
            "service.archived": {"Equals": ["false"]},
            "severity": {"GreaterThanOrEqual": math.floor(min_severity)},
            "updatedAt": {"GreaterThanOrEqual": int(since.timestamp() * 1000)},
        }
    }


def read_findings(api: ApiReader, detector_id: str) -> dict[str, Any]:
    """``Findings`` (summaries, most severe first) and ``FindingsCapped``; a failed read leaves both unknown."""
    try:
        listed = api.capped_pages(
            "list_findings",
            "FindingIds",
            page_size=PAGE,
            resource_id=detector_id,
            affects=(DETECTOR,),
            DetectorId=detector_id,
            FindingCriteria=criteria(api.findings.guardduty_min_severity, datetime.now(UTC)),
            SortCriteria={"AttributeName": "severity", "OrderBy": "DESC"},
        )
        found: list[dict[str, Any]] = []
        for start in range(0, len(listed.items), PAGE):
            got = api.call(
                "get_findings",
                DetectorId=detector_id,
                FindingIds=listed.items[start : start + PAGE],
                SortCriteria={"AttributeName": "severity", "OrderBy": "DESC"},
                resource_id=detector_id,
                affects=(DETECTOR,),
            )
            found.extend(
                summary(f)
                for f in (got or {}).get("Findings", [])
                if not (f.get("Service") or {}).get("Archived", False)
            )
    except CallFailed as failed:
        return {"Findings": failed.unresolved, "FindingsCapped": failed.unresolved}
    found.sort(key=lambda f: -float(f.get("Severity") or 0))
    return {
        "Findings": found,
        "FindingsCapped": listed.capped,
        "FindingsMinSeverity": api.findings.guardduty_min_severity,
    }


def not_read(reason: str) -> dict[str, Any]:
    """The findings of a detector whose findings were not read (e.g. it is suspended)."""
    marker = Unresolved(reason)
    return {"Findings": marker, "FindingsCapped": marker}
