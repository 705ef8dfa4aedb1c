"""The improvement plan as CSV that issue trackers import (Jira, GitHub, Azure Boards)."""

from __future__ import annotations

from typing import IO, Any

from wasp.report.safe_text import CsvWriter

COLUMNS = (
    "title",
    "description",
    "priority",
    "labels",
    "owner",
    "rank",
    "best_practice",
    "finding_ids",
    "stable_id",
)
PRIORITY = {"high": "Highest", "medium": "High", "low": "Medium"}


class PlanCsvReporter:
    """One ticket per plan item, with remediation in the description and a stable id for de-duplication."""

    name = "plan-csv"
    extension = "csv"
    filename = "plan.csv"
    binary = False
    description = "the improvement plan as issue-tracker CSV"

    def render(self, review: dict[str, Any], out: IO[str]) -> None:
        """Write one row per plan item, in plan order."""
        findings = {f["id"]: f for f in review["findings"]}
        writer = CsvWriter(out)
        writer.writerow(COLUMNS)
        for item in review["improvement_plan"]:
            lines = [item.get("action", "")]
            for fid in item["findings"][:20]:
                f = findings.get(fid)
                if f:
                    lines.append(f"- {f['resource']['type']} {f['resource']['id']}: {f['message']}")
            if len(item["findings"]) > 20:
                lines.append(f"- ... and {len(item['findings']) - 20} more finding(s)")
            for rem in item["remediation"]:
                lines += [
                    "",
                    f"Fix ({rem['rule']}):",
                    f"Console: {rem['console']}",
                    f"CLI: {rem['cli']}",
                    f"CloudFormation: {rem['cloudformation']}",
                    f"Terraform: {rem['terraform']}",
                ]
            writer.writerow(
                [
                    f"[{item['risk'].upper()}] {item['best_practice']} {item['title']}",
                    "\n".join(lines),
                    PRIORITY[item["risk"]],
                    " ".join(
                        [
                            "wasp",
                            "security",
                            item["question"].lower(),
                            item["best_practice"].lower(),
                            f"risk-{item['risk']}",
                        ]
                        + (["public-exposure"] if item.get("public_exposure") else [])
                    ),
                    item.get("owner") or "",
                    item["rank"],
                    item["best_practice"],
                    " ".join(item["findings"]),
                    f"wasp-{review['workload']}-{item['best_practice']}",
                ]
            )


REPORTER = PlanCsvReporter()
