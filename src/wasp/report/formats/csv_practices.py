"""CSV, one row per best practice."""

from __future__ import annotations

from typing import IO

from wasp.report.doc_types import ReviewDoc
from wasp.report.safe_text import CsvWriter

COLUMNS = (
    "question",
    "question_risk",
    "best_practice",
    "title",
    "risk",
    "evidence_mode",
    "status",
    "reason",
    "na_reason",
    "findings",
    "failing_findings",
    "attestation_answer",
    "attestation_owner",
    "attestation_expires",
    "contradicted",
)


class PracticesCsvReporter:
    """The 63 decisions with their reasons and attestations."""

    name = "csv-practices"
    extension = "csv"
    filename = "practices.csv"
    binary = False
    description = "one row per best practice"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write the header and 63 rows."""
        status = {f["id"]: f["status"] for f in review["findings"]}
        writer = CsvWriter(out)
        writer.writerow(COLUMNS)
        for q in review["questions"]:
            for bp in q["best_practices"]:
                att = bp.get("attestation")
                writer.writerow(
                    [
                        q["id"],
                        q["risk"],
                        bp["id"],
                        bp["title"],
                        bp["risk"],
                        bp["evidence_mode"],
                        bp["status"],
                        bp["reason"],
                        bp.get("na_reason") or "",
                        len(bp["findings"]),
                        sum(status.get(i) == "fail" for i in bp["findings"]),
                        att["answer"] if att else "",
                        att["owner"] if att else "",
                        (att.get("expires") if att else None) or "",
                        bp.get("contradicted", False),
                    ]
                )


REPORTER = PracticesCsvReporter()
