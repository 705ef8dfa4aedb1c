"""CSV, one row per finding."""

from __future__ import annotations

import json
from typing import IO

from wasp.report.doc_types import ReviewDoc
from wasp.report.safe_text import CsvWriter
from wasp.report.sources import source_of

COLUMNS = (
    "finding_id",
    "rule",
    "status",
    "severity",
    "best_practices",
    "resource_type",
    "resource_id",
    "arn",
    "account",
    "region",
    "file",
    "line",
    "public_exposure",
    "message",
    "waiver",
    "evidence",
    "source",
)


class FindingsCsvReporter:
    """Every finding with its resource and evidence (as compact JSON)."""

    name = "csv"
    extension = "csv"
    filename = "findings.csv"
    binary = False
    description = "one row per finding"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write the header and one row per finding."""
        writer = CsvWriter(out)
        writer.writerow(COLUMNS)
        for f in review["findings"]:
            r = f["resource"]
            writer.writerow(
                [
                    f["id"],
                    f["rule"],
                    f["status"],
                    f["severity"],
                    " ".join(f["best_practices"]),
                    r["type"],
                    r["id"],
                    r.get("arn") or "",
                    r.get("account") or "",
                    r.get("region") or "",
                    r.get("file") or "",
                    r.get("line") or "",
                    f.get("public_exposure", False),
                    f["message"],
                    f.get("waiver") or "",
                    json.dumps(f.get("evidence", {}), separators=(",", ":"), sort_keys=True),
                    source_of(f),
                ]
            )


REPORTER = FindingsCsvReporter()
