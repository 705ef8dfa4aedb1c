"""`wasp scan` output written as each source is evaluated, so memory stays flat however large the corpus.

Each writer takes findings in batches (``add``) and finishes with what is known only at the end (``close``):
the files read, the problems found, the rule metadata. JSON and SARIF put the findings first and the rest
after; JUnit keeps its test cases in a spooled temporary file because its header carries the counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any, Protocol

from wasp.iac.scan import ScanResult
from wasp.model import Finding
from wasp.model.rule import Rule
from wasp.report.document import finding_dict, rule_dict
from wasp.report.formats.sarif import (
    invocation,
    original_uri_base_ids,
    sarif_driver,
    sarif_result,
    sarif_rules,
)
from wasp.report.json_findings import FindingEncoder, compact_encoder
from wasp.report.safe_text import without_controls


def quoteattr(text: str) -> str:
    """An XML attribute value, quoted (html.escape avoids xml.sax's import of urllib and http); control
    characters, which XML 1.0 forbids and a template can carry, are dropped so the report stays parseable."""
    from html import escape  # JUnit alone needs it

    return f'"{escape(without_controls(text), quote=True)}"'


def _escape(text: str) -> str:
    """XML text content, escaped."""
    from html import escape

    return escape(text, quote=False)


class ScanWriter(Protocol):
    """Receives findings as they are produced and finishes the document at the end."""

    def add(self, findings: Iterable[Finding]) -> None:
        """Write a batch of findings."""

    def close(self, result: ScanResult) -> None:
        """Write what is known only at the end."""


_ENCODERS = {
    False: json.JSONEncoder(default=str),
    True: json.JSONEncoder(indent=2, default=str),
}
"""What json.dumps(value, indent=2 if pretty else None, default=str) builds on every call, built once."""


def _dump(value: Any, pretty: bool) -> str:
    return _ENCODERS[pretty].encode(value)


class JsonWriter:
    """The scan JSON: the same finding objects as the review JSON, then files, problems and rules."""

    def __init__(self, out: IO[str], pretty: bool) -> None:
        self.out, self.pretty, self.first = out, pretty, True
        self.used: set[str] = set()
        self.encoder = FindingEncoder()
        out.write('{"schema": "wasp.scan/1", "workload": "iac-scan", "findings": [')

    def add(self, findings: Iterable[Finding]) -> None:
        """Append findings to the array (compact JSON through FindingEncoder, which reuses shared parts)."""
        if self.pretty:
            for f in findings:
                self.used.add(f.rule)
                self.out.write(("\n" if self.first else ",\n") + _dump(finding_dict(f), self.pretty))
                self.first = False
            return
        encode, used, parts = self.encoder.encode, self.used, []
        for f in findings:
            used.add(f.rule)
            parts.append(encode(f))
        if parts:
            self.out.write(("\n" if self.first else ",\n") + ",\n".join(parts))
            self.first = False
        self.encoder.forget_resources()

    def close(self, result: ScanResult) -> None:
        """Close the array and write the summary keys."""
        tail = {
            "files": result.files,
            "resources": result.resources,
            "errors": result.errors,
            "warnings": result.warnings,
            "rules": [rule_dict(r.id, r.meta) for r in result.rules if r.id in self.used],
        }
        self.out.write("\n],\n" + _dump(tail, self.pretty)[1:] + "\n")


class SarifWriter:
    """SARIF 2.1.0: results streamed, then the tool with every IaC rule's metadata."""

    def __init__(self, out: IO[str], rules: list[Rule]) -> None:
        self.out, self.first = out, True
        self.rules = sarif_rules([rule_dict(r.id, r.meta) for r in rules])
        self.index = {r["id"]: i for i, r in enumerate(self.rules)}
        self.dumps = compact_encoder()  # json.dumps(..., default=str) without a new encoder per result
        out.write('{"version": "2.1.0", "runs": [{"results": [')

    def add(self, findings: Iterable[Finding]) -> None:
        """Append results (passes are not results)."""
        for f in findings:
            result = sarif_result(finding_dict(f), self.index)
            if result is not None:
                self.out.write(("\n" if self.first else ",\n") + self.dumps(result))
                self.first = False

    def close(self, result: ScanResult) -> None:
        """Write the tool, the invocation (problems as notifications), the base folder and the automation id."""
        tail = {
            "tool": sarif_driver(self.rules),
            "invocations": [invocation(result.errors, result.warnings, result.notes)],
            "originalUriBaseIds": original_uri_base_ids(),
            "automationDetails": {"id": "wasp/iac-scan/"},
        }
        self.out.write("\n], " + json.dumps(tail)[1:] + "]}\n")


class JunitWriter:
    """JUnit XML: one test case per finding; failures are failing findings, unknown and waived are skipped."""

    def __init__(self, out: IO[str]) -> None:
        import tempfile  # JUnit alone needs it

        self.out = out
        self.cases: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed in close()
            max_size=4 * 1024 * 1024, mode="w+", encoding="utf-8"
        )
        self.tests = self.failures = self.skipped = 0

    def add(self, findings: Iterable[Finding]) -> None:
        """Write test cases to the spool."""
        for f in findings:
            self.tests += 1
            name = quoteattr(f"{f.rule} {f.resource.address or f.resource.id}")
            body = ""
            if f.status.value == "fail":
                self.failures += 1
                where = _escape(without_controls(f"{f.resource.file}:{f.resource.line}"))
                body = f"<failure message={quoteattr(f.message)} type={quoteattr(f.severity.value)}>{where}</failure>"
            elif f.status.value in ("unknown", "waived"):
                self.skipped += 1
                body = f"<skipped message={quoteattr(f.waiver or f.message)}/>"
            self.cases.write(
                f"<testcase classname={quoteattr(f.resource.file or '')} name={name}>{body}</testcase>\n"
            )

    def close(self, result: ScanResult) -> None:
        """The header with the counts, then the spooled cases."""
        self.out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuite name="wasp" tests="{self.tests}" failures="{self.failures}" '
            f'skipped="{self.skipped}" errors="{len(result.errors)}">\n'
        )
        self.cases.seek(0)
        for line in self.cases:
            self.out.write(line)
        self.cases.close()
        self.out.write("</testsuite>\n")
