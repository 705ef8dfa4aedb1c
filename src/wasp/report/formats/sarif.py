"""SARIF 2.1.0 for code-scanning UIs: live findings (logical locations: the resource ARN) and IaC findings
(physical locations: file and line)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from wasp import __version__
from wasp.report.doc_types import ReviewDoc

LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "informational": "note"}
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "informational": "0.0"}


def _rule(meta: Mapping[str, Any]) -> dict[str, Any]:
    rem = meta.get("remediation") or {}
    help_md = "\n".join(
        [
            meta.get("description", ""),
            "",
            f"**Console:** {rem.get('console', '')}",
            "",
            f"**CLI:** `{rem.get('cli', '')}`",
            "",
            f"**CloudFormation:** `{rem.get('cloudformation', '')}`",
            "",
            f"**Terraform:** `{rem.get('terraform', '')}`",
        ]
    )
    return {
        "id": meta["id"],
        "name": "".join(part.capitalize() for part in meta["id"].split("_")),
        "shortDescription": {"text": meta["title"]},
        "fullDescription": {"text": meta.get("description") or meta["title"]},
        "help": {"text": help_md.replace("**", "").replace("`", ""), "markdown": help_md},
        "defaultConfiguration": {"level": LEVEL[meta["severity"]]},
        "properties": {
            "tags": ["security", *meta["best_practices"]],
            "security-severity": SECURITY_SEVERITY[meta["severity"]],
            "precision": "high",
        },
    }


SRCROOT = "%SRCROOT%"
"""The uriBaseId of every file location: the folder wasp ran in (the repository root in CI), so code-scanning
uploads map results onto the repository's files."""


def artifact_location(file: str) -> dict[str, str]:
    """A file as a SARIF artifactLocation: relative to ``%SRCROOT%`` (the working folder) when it is inside
    it, else an absolute file URI."""
    path = Path(file)
    if not path.is_absolute():
        return {"uri": path.as_posix(), "uriBaseId": SRCROOT}
    try:
        return {"uri": path.relative_to(Path.cwd()).as_posix(), "uriBaseId": SRCROOT}
    except ValueError:
        return {"uri": path.as_uri()}


def original_uri_base_ids() -> dict[str, dict[str, str]]:
    """Where ``%SRCROOT%`` is on this machine (a folder URI ends with a slash)."""
    return {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}}


def _location(resource: dict[str, Any]) -> dict[str, Any]:
    if resource.get("file"):
        loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact_location(resource["file"])}}
        if resource.get("line"):
            loc["physicalLocation"]["region"] = {"startLine": int(resource["line"])}
        if resource.get("address"):
            loc["logicalLocations"] = [{"name": resource["address"], "kind": "resource"}]
        return loc
    name = resource.get("arn") or resource["id"]
    return {"logicalLocations": [{"name": resource["id"], "fullyQualifiedName": name, "kind": "resource"}]}


_LINE = re.compile(r":(\d+): ")


def notification(text: str, level: str) -> dict[str, Any]:
    """A toolExecutionNotification for one problem line (``file:line: what``), located where the line names
    a file that exists."""
    out: dict[str, Any] = {"level": level, "message": {"text": text}}
    for at in (i for i, ch in enumerate(text) if ch == ":"):
        prefix = text[:at]
        if prefix and Path(prefix).exists():
            physical: dict[str, Any] = {"artifactLocation": artifact_location(prefix)}
            line = _LINE.match(text, at)
            if line is not None and int(line.group(1)) > 0:
                physical["region"] = {"startLine": int(line.group(1))}
            out["locations"] = [{"physicalLocation": physical}]
            break
    return out


def invocation(errors: Sequence[str], warnings: Sequence[str], notes: Sequence[str] = ()) -> dict[str, Any]:
    """The run's invocation: successful when nothing could not be read; each problem as a notification."""
    notifications = [notification(e, "error") for e in errors]
    notifications += [notification(w, "warning") for w in warnings]
    notifications += [notification(n, "note") for n in notes]
    return {"executionSuccessful": not errors, "toolExecutionNotifications": notifications}


def sarif_rules(rules: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The driver's rule descriptors (metadata and help text) for the given rule metadata."""
    return [_rule(r) for r in rules]


def sarif_result(f: Mapping[str, Any], index: dict[str, int]) -> dict[str, Any] | None:
    """One result for a failing, unknown or waived finding (waived ones as suppressed); None for a pass."""
    if f["status"] == "pass":
        return None
    result: dict[str, Any] = {
        "ruleId": f["rule"],
        "level": "note" if f["status"] == "unknown" else LEVEL[f["severity"]],
        "kind": "review" if f["status"] == "unknown" else "fail",
        "message": {"text": f["message"]},
        "locations": [_location(f["resource"])],
        "partialFingerprints": {"waspFinding/v1": f["id"]},
        "properties": {
            "resourceType": f["resource"]["type"],
            "bestPractices": f["best_practices"],
            "account": f["resource"].get("account"),
            "region": f["resource"].get("region"),
        },
    }
    if f["rule"] in index:
        result["ruleIndex"] = index[f["rule"]]
    if f["status"] == "waived":
        waiver = f.get("waiver") or "waived"
        kind = "inSource" if waiver.startswith(("inline:", "checkov:skip ")) else "external"
        result["suppressions"] = [{"kind": kind, "status": "accepted", "justification": waiver}]
    return result


def sarif_driver(rules: list[dict[str, Any]]) -> dict[str, Any]:
    """The tool object: wasp, its version and the rules."""
    return {
        "driver": {"name": "wasp", "version": __version__, "semanticVersion": __version__, "rules": rules}
    }


def sarif_log(review: ReviewDoc) -> dict[str, Any]:
    """The SARIF log: failing, unknown and waived findings (waived ones as suppressed results)."""
    rules = sarif_rules(review.get("rules", []))
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [r for f in review["findings"] if (r := sarif_result(f, index)) is not None]
    return {
        "version": "2.1.0",
        "runs": [
            {
                "tool": sarif_driver(rules),
                "automationDetails": {"id": f"wasp/{review['workload']}/"},
                "originalUriBaseIds": original_uri_base_ids(),
                "results": results,
            }
        ],
    }


class SarifReporter:
    """SARIF 2.1.0 JSON."""

    name = "sarif"
    extension = "sarif"
    filename = "findings.sarif"
    binary = False
    description = "SARIF 2.1.0 for code-scanning UIs"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write the log."""
        out.write(json.dumps(sarif_log(review), indent=1))
        out.write("\n")


REPORTER = SarifReporter()
