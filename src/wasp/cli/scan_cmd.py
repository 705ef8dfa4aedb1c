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

from wasp.cli.console import err, out, scan_progress
from wasp.errors import InputError
from wasp.iac.scan import ScanOptions, ScanResult, scan
from wasp.iac.suppress import write_baseline as write_baseline_file
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


def _tf_value(text: str) -> Any:
    """A -var value: HCL/JSON lists, maps, numbers and booleans are parsed, anything else is a string."""
    if text[:1] in ("[", "{") or text in ("true", "false") or text.replace(".", "", 1).isdigit():
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text
    return text


def _doc(result: ScanResult) -> dict[str, Any]:
    used = {f.rule for f in result.findings}
    return {
        "schema": "wasp.scan/1",
        "workload": "iac-scan",
        "files": result.files,
        "resources": result.resources,
        "errors": result.errors,
        "warnings": result.warnings,
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


def _pairs(values: list[str] | None, option: str) -> dict[str, str]:
    out = {}
    for item in values or []:
        if "=" not in item:
            raise InputError(f"{option} {item!r}: expected KEY=VALUE")
        key, value = item.split("=", 1)
        out[key] = value
    return out


def scan_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Templates, Terraform folders or plan JSON files, or folders of them")
    ],
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
        list[str] | None, typer.Option("--parameter", "-p", help="KEY=VALUE CloudFormation parameter")
    ] = None,
    var: Annotated[
        list[str] | None, typer.Option("--var", help="KEY=VALUE Terraform variable (as -var)")
    ] = None,
    var_file: Annotated[
        list[Path] | None, typer.Option("--var-file", help="Terraform .tfvars file (as -var-file)")
    ] = None,
    no_inline_skips: Annotated[
        bool, typer.Option("--no-inline-skips", help="Ignore inline skips (for central security teams)")
    ] = False,
    baseline: Annotated[
        Path | None, typer.Option(help="Waive the findings this baseline lists; report only new ones")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Write today's failing and unknown findings as a baseline")
    ] = None,
) -> None:
    """Scan CloudFormation, Terraform and plan JSON with the rules a live review uses; file and line for each."""
    options = ScanOptions(
        parameters=_pairs(parameter, "--parameter"),
        variables={k: _tf_value(v) for k, v in _pairs(var, "--var").items()},
        var_files=list(var_file or []),
        inline_skips=not no_inline_skips,
        baseline=baseline,
    )
    with scan_progress() as progress:
        result = scan(paths, options=options, progress=progress)
    if write_baseline is not None:
        count = write_baseline_file(write_baseline, result.findings)
        err.print(f"wrote {write_baseline} ({count} finding(s))")
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
    for line in result.warnings:
        err.print(f"wasp: warning: {line}", markup=False, highlight=False, soft_wrap=True)
    for line in result.errors:
        err.print(f"wasp: error: {line}", markup=False, highlight=False, soft_wrap=True)
    if result.errors:
        raise typer.Exit(2)
    if fail_on is not None:
        limit = Severity(fail_on.value).rank
        if any(f.status is FindingStatus.FAIL and f.severity.rank <= limit for f in result.findings):
            raise typer.Exit(1)
