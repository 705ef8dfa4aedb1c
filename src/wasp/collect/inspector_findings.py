"""Inspector (v2) findings and coverage in one region, summarised as evidence (the Inspector collector's helper).

Findings: active critical/high package vulnerabilities with a fix available, oldest first, at most
``api.max_findings`` (so when reading stops at the cap, every unread finding is newer than every read one).
Coverage: each EC2 instance, ECR repository/image and Lambda function Inspector knows of, and whether it is
being scanned. Each part says when the cap cut it short.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from wasp.collect.api import ApiReader, CallFailed
from wasp.model import ACCOUNT_TYPE

PAGE = 100
"""ListFindings' and ListCoverage's largest page."""

TYPES = {
    "AWS_EC2_INSTANCE": "AWS::EC2::Instance",
    "AWS_ECR_CONTAINER_IMAGE": "AWS::ECR::Repository",
    "AWS_ECR_REPOSITORY": "AWS::ECR::Repository",
    "AWS_LAMBDA_FUNCTION": "AWS::Lambda::Function",
}
"""Inspector's resource types as the CloudFormation type of the resource wasp reports (an image: its repository)."""

FILTER = {
    "findingStatus": [{"comparison": "EQUALS", "value": "ACTIVE"}],
    "findingType": [{"comparison": "EQUALS", "value": "PACKAGE_VULNERABILITY"}],
    "severity": [{"comparison": "EQUALS", "value": "CRITICAL"}, {"comparison": "EQUALS", "value": "HIGH"}],
    "fixAvailable": [{"comparison": "EQUALS", "value": "YES"}],
}


def _iso(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value) if value else None


def _name(kind: str, rid: str, details: Mapping[str, Any]) -> str:
    """The id wasp gives the resource: instance id, function name, repository name."""
    if kind == "AWS_LAMBDA_FUNCTION":
        name = (details.get("awsLambdaFunction") or details.get("lambdaFunction") or {}).get("functionName")
        return str(name or rid.split(":function:")[-1].split(":")[0])
    if kind == "AWS_ECR_CONTAINER_IMAGE":
        name = (details.get("awsEcrContainerImage") or details.get("ecrImage") or {}).get("repositoryName")
        return str(name or rid.split(":repository/")[-1].split("/sha256")[0])
    if kind == "AWS_ECR_REPOSITORY":
        name = (details.get("ecrRepository") or {}).get("name")
        return str(name or rid.split(":repository/")[-1])
    return rid


def wanted(finding: Mapping[str, Any]) -> bool:
    """True when the finding is what :data:`FILTER` asks for (the emulator ignores filters): an active, fixable
    critical/high package vulnerability. A suppressed or closed finding never counts; a field the response
    leaves out is taken as the filter's."""
    if finding.get("status") != "ACTIVE":
        return False
    fields = {"findingType": "type", "severity": "severity", "fixAvailable": "fixAvailable"}
    return all(
        finding.get(field) is None or finding.get(field) in {c["value"] for c in FILTER[name]}
        for name, field in fields.items()
    )


def _image(kind: str, details: Mapping[str, Any]) -> str | None:
    """An ECR image finding's image: its first tag, else its digest."""
    if kind != "AWS_ECR_CONTAINER_IMAGE":
        return None
    image = details.get("awsEcrContainerImage") or {}
    tags = image.get("imageTags") or []
    return str(tags[0]) if tags else (str(image["imageHash"]) if image.get("imageHash") else None)


def finding_summary(finding: Mapping[str, Any]) -> dict[str, Any]:
    """What the rule and a reader need from one vulnerability finding."""
    resources = finding.get("resources") or [{}]
    first = resources[0]
    kind = str(first.get("type") or "")
    vuln = finding.get("packageVulnerabilityDetails") or {}
    image = _image(kind, first.get("details") or {})
    return {
        **({"Image": image} if image else {}),
        "Id": finding.get("findingArn"),
        "Title": finding.get("title"),
        "Severity": finding.get("severity"),
        "Vulnerability": vuln.get("vulnerabilityId"),
        "FirstObservedAt": _iso(finding.get("firstObservedAt")),
        "ExploitAvailable": finding.get("exploitAvailable") == "YES",
        "Epss": (finding.get("epss") or {}).get("score"),
        "Resource": {
            "Type": TYPES.get(kind, kind),
            "Id": _name(kind, str(first.get("id") or ""), first.get("details") or {}),
        },
    }


def coverage_summary(item: Mapping[str, Any]) -> dict[str, Any]:
    """One resource Inspector knows of: its type, id, and whether it is scanned (``ACTIVE``) and why not."""
    kind = str(item.get("resourceType") or "")
    status = item.get("scanStatus") or {}
    return {
        "Type": TYPES.get(kind, kind),
        "Id": _name(kind, str(item.get("resourceId") or ""), item.get("resourceMetadata") or {}),
        "Scanned": status.get("statusCode") == "ACTIVE",
        "Reason": status.get("reason"),
    }


def read_findings(api: ApiReader) -> dict[str, Any]:
    """``{"Findings": [...], "Capped": bool}``; the values unknown when the read failed."""
    try:
        got = api.capped_pages(
            "list_findings",
            "findings",
            page_size=PAGE,
            resource_id=api.account,
            affects=(ACCOUNT_TYPE,),
            filterCriteria=FILTER,
            sortCriteria={"field": "FIRST_OBSERVED_AT", "sortOrder": "ASC"},
        )
    except CallFailed as failed:
        return {"Findings": failed.unresolved, "Capped": failed.unresolved}
    return {"Findings": [finding_summary(f) for f in got.items if wanted(f)], "Capped": got.capped}


def read_coverage(api: ApiReader) -> dict[str, Any]:
    """``{"Resources": [...], "Capped": bool}``; the values unknown when the read failed."""
    try:
        got = api.capped_pages(
            "list_coverage",
            "coveredResources",
            page_size=PAGE,
            resource_id=api.account,
            affects=(ACCOUNT_TYPE,),
        )
    except CallFailed as failed:
        return {"Resources": failed.unresolved, "Capped": failed.unresolved}
    return {"Resources": [coverage_summary(c) for c in got.items], "Capped": got.capped}
