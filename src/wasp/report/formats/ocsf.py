"""OCSF Compliance Findings (class 2003, OCSF 1.4) for Amazon Security Lake.

Built as plain data for speed (100k findings in about a second); the tests validate every item against
py-ocsf-models' ComplianceFinding, so the shape cannot drift.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import IO, Any

from wasp import __version__
from wasp.report.doc_types import FindingDoc, ReviewDoc

CLASS_UID = 2003
CATEGORY_UID = 2
SEVERITY = {"critical": 5, "high": 4, "medium": 3, "low": 2, "informational": 1}
COMPLIANCE = {"pass": 1, "fail": 3, "unknown": 0, "waived": 2}
STATUS = {"pass": 4, "fail": 1, "unknown": 1, "waived": 3}
STANDARD = "AWS Well-Architected Framework Security Pillar"


def compliance_finding(f: FindingDoc, review: ReviewDoc, fixes: dict[str, str]) -> dict[str, Any]:
    """One wasp finding as an OCSF Compliance Finding."""
    when = int(datetime.fromisoformat(f.get("observed_at") or review["generated_at"]).timestamp() * 1000)
    res = f["resource"]
    doc: dict[str, Any] = {
        "metadata": {
            "version": "1.4.0",
            "product": {"name": "wasp", "vendor_name": "wasp", "version": __version__},
            "event_code": f["rule"],
            "uid": f["id"],
        },
        "category_uid": CATEGORY_UID,
        "category_name": "Findings",
        "class_uid": CLASS_UID,
        "class_name": "ComplianceFinding",
        "activity_id": 1,
        "type_uid": CLASS_UID * 100 + 1,
        "severity_id": SEVERITY[f["severity"]],
        "severity": f["severity"].capitalize(),
        "status_id": STATUS[f["status"]],
        "time": when,
        "finding_info": {
            "uid": f["id"],
            "title": f["message"][:256],
            "desc": f["message"],
            "created_time": when,
            "types": ["Software and Configuration Checks/AWS Security Best Practices"],
        },
        "compliance": {
            "standards": [STANDARD],
            "requirements": list(f["best_practices"]),
            "control": f["rule"],
            "status_id": COMPLIANCE[f["status"]],
        },
        "resources": [
            {
                "uid": res.get("arn") or res["id"],
                "name": res["id"],
                "type": res["type"],
                "region": res.get("region"),
                "cloud_partition": "aws",
                "data": {
                    "account": res.get("account"),
                    "file": res.get("file"),
                    "line": res.get("line"),
                    "evidence": f.get("evidence", {}),
                },
            }
        ],
        "unmapped": {"workload": review["workload"], "public_exposure": f.get("public_exposure", False)},
    }
    if f["rule"] in fixes:
        doc["remediation"] = {"desc": fixes[f["rule"]]}
    return doc


class OcsfReporter:
    """A JSON array of Compliance Findings, one per finding."""

    name = "ocsf"
    extension = "json"
    filename = "findings.ocsf.json"
    binary = False
    description = "OCSF Compliance Findings for Security Lake"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Build the array and write it in one go."""
        fixes = {
            rem["rule"]: rem["cli"] for item in review["improvement_plan"] for rem in item["remediation"]
        }
        items = [compliance_finding(f, review, fixes) for f in review["findings"]]
        out.write(json.dumps(items, separators=(",", ":")))
        out.write("\n")


REPORTER = OcsfReporter()
