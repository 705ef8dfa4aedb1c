"""`wasp scan`: shift-left, the same rules on CloudFormation before it is deployed."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from xml.sax.saxutils import escape, quoteattr

import typer
from rich.table import Table

from wasp.cli.console import err, out
from wasp.iac.scan import ScanResult, scan
from wasp.model import FindingStatus, Severity
from wasp.report.formats.sarif import sarif_log
from wasp.report.json_review import finding_dict


class ScanFormat(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"
    sarif = "sarif"
    junit = "junit"


class Threshold(StrEnum):
    """Lowest severity that fails the scan."""

    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"


def _doc(result: ScanResult) -> dict[str, Any]:
    used = {f.rule for f in result.findings}
    return {
        "schema": "wasp.scan/1",
        "workload": "iac-scan",
        "files": result.files,
        "errors": result.errors,
        "findings": [finding_dict(f) for f in result.findings],
        "rules": [
            {
                "id": r.id,
                "title": r.meta.title,
                "severity": r.meta.severity.value,
                "description": r.meta.description,
                "best_practices": list(r.meta.best_practices),
                "remediation": asdict(r.meta.remediation),
            }
            for r in result.rules
            if r.id in used
        ],
    }


def _junit(doc: dict[str, Any]) -> str:
    cases = []
    for f in doc["findings"]:
        name = quoteattr(f"{f['rule']} {f['resource']['address'] or f['resource']['id']}")
        where = f"{f['resource']['file']}:{f['resource']['line']}"
        body = ""
        if f["status"] == "fail":
            body = f"<failure message={quoteattr(f['message'])} type={quoteattr(f['severity'])}>{escape(where)}</failure>"
        elif f["status"] in ("unknown", "waived"):
            body = f"<skipped message={quoteattr(f['message'])}/>"
        cases.append(
            f"<testcase classname={quoteattr(f['resource']['file'] or '')} name={name}>{body}</testcase>"
        )
    fails = sum(f["status"] == "fail" for f in doc["findings"])
    skipped = sum(f["status"] in ("unknown", "waived") for f in doc["findings"])
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="wasp" tests="{len(cases)}" failures="{fails}" '
        f'skipped="{skipped}" errors="{len(doc["errors"])}">\n' + "\n".join(cases) + "\n</testsuite>\n"
    )


def scan_command(
    paths: Annotated[list[Path], typer.Argument(help="Template files or folders")],
    fmt: Annotated[
        ScanFormat, typer.Option("--format", "-f", help="table, json, sarif or junit")
    ] = ScanFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout")
    ] = None,
    fail_on: Annotated[
        Threshold | None, typer.Option(help="Exit 1 on a failing finding of this severity or worse")
    ] = None,
    parameter: Annotated[
        list[str] | None, typer.Option("--parameter", "-p", help="KEY=VALUE template parameter")
    ] = None,
) -> None:
    """Scan CloudFormation with the rules a live review uses; same finding objects, file and line for each."""
    params = dict(p.split("=", 1) for p in parameter or [] if "=" in p)
    result = scan(paths, params)
    doc = _doc(result)
    if fmt is ScanFormat.table:
        table = Table(title=f"{len(result.files)} file(s), {len(result.findings)} finding(s)")
        for col in ("Status", "Severity", "Rule", "Where", "Message"):
            table.add_column(col)
        for f in sorted(result.findings, key=lambda f: (f.status is not FindingStatus.FAIL, f.severity.rank)):
            if f.status is FindingStatus.PASS:
                continue
            table.add_row(
                f.status.value,
                f.severity.value,
                f.rule,
                f"{f.resource.file}:{f.resource.line} {f.resource.address}",
                f.message,
            )
        out.print(table)
    else:
        text = {
            ScanFormat.json: lambda: json.dumps(doc, indent=2),
            ScanFormat.sarif: lambda: json.dumps(sarif_log(doc), indent=1),
            ScanFormat.junit: lambda: _junit(doc),
        }[fmt]()
        if output:
            output.write_text(text + "\n", encoding="utf-8")
            err.print(f"wrote {output}")
        else:
            sys.stdout.write(text + "\n")
    for line in result.errors:
        err.print(f"wasp: error: {line}", markup=False, highlight=False, soft_wrap=True)
    if result.errors:
        raise typer.Exit(2)
    if fail_on is not None:
        limit = Severity(fail_on.value).rank
        if any(f.status is FindingStatus.FAIL and f.severity.rank <= limit for f in result.findings):
            raise typer.Exit(1)
