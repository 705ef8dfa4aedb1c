"""The improvement plan as improvement items for the Tool's Jira connector.

The Tool's API takes no improvement item with free content: its improvement items are derived from the
unselected choices of each answer (ListLensReviewImprovements reads them; there is no write call), and its Jira
integration (UpdateIntegration, IntegratingService JIRA) only syncs those derived items. So wasp writes its plan
as CSV in the connector's hierarchy instead: the workload as an epic, each question with plan items as a task,
each best practice to improve as a sub-task under it, carrying the Tool's ids (workload, lens, pillar, question,
choice) so the rows line up with what the connector syncs. Jira's CSV importer links the rows by Issue Id and
Parent Id.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, Any

from wasp.model import Catalogue
from wasp.report.plan_view import rule_groups
from wasp.report.safe_text import CsvWriter
from wasp.wa.lens import LENS, PILLAR, tool_questions

COLUMNS = (
    "Issue Id",
    "Parent Id",
    "Issue Type",
    "Summary",
    "Description",
    "Priority",
    "Labels",
    "Workload Id",
    "Lens Alias",
    "Pillar Id",
    "Question Id",
    "Choice Id",
    "Risk",
    "Best Practice",
    "Stable Id",
)
PRIORITY = {"high": "Highest", "medium": "High", "low": "Medium"}
LISTED = 10
"""Findings listed per rule in a sub-task's description; the rest are counted."""


def _description(item: Mapping[str, Any], findings: Mapping[str, Any]) -> str:
    lines = [str(item.get("action", ""))]
    for group in rule_groups(item, findings):
        lines.append(f"Rule {group.rule}: {group.count} finding(s), worst {group.worst}")
        lines += [
            f"- {f['resource']['type']} {f['resource']['id']}: {f['message']}"
            for f in group.findings[:LISTED]
        ]
        if group.count > LISTED:
            lines.append(f"- ... and {group.count - LISTED} more finding(s)")
    return "\n".join(line for line in lines if line)


def write_improvements(
    review: Mapping[str, Any], catalogue: Catalogue, workload_id: str, out: IO[str]
) -> int:
    """Write the plan as connector rows; returns the number of improvement items (sub-tasks) written."""
    by_question = {q.question: q for q in tool_questions(catalogue)}
    findings = {f["id"]: f for f in review["findings"]}
    titles = {q["id"]: q["title"] for q in review["questions"]}
    writer = CsvWriter(out)
    writer.writerow(COLUMNS)
    name = str(review["workload"])
    writer.writerow(
        [
            "1",
            "",
            "Epic",
            f"Well-Architected: {name}",
            f"Security Pillar improvement plan from wasp ({review['generated_at']})",
            "",
            "wasp well-architected",
            workload_id,
            LENS,
            PILLAR,
            "",
            "",
            "",
            "",
            f"wasp-{name}",
        ]
    )
    tasks: dict[str, str] = {}
    count = 0
    for item in review["improvement_plan"]:
        q = by_question[item["question"]]
        if q.question not in tasks:
            tasks[q.question] = str(len(tasks) + 2)
            writer.writerow(
                [
                    tasks[q.question],
                    "1",
                    "Task",
                    f"{q.question} {titles.get(q.question, '')}".strip(),
                    "",
                    "",
                    f"wasp well-architected {q.question.lower()}",
                    workload_id,
                    LENS,
                    PILLAR,
                    q.tool_id,
                    "",
                    "",
                    "",
                    f"wasp-{name}-{q.question}",
                ]
            )
    next_id = len(tasks) + 2
    for item in review["improvement_plan"]:
        q = by_question[item["question"]]
        bp = item["best_practice"]
        writer.writerow(
            [
                str(next_id),
                tasks[q.question],
                "Sub-task",
                f"[{item['risk'].upper()}] {bp} {item.get('title', '')}".strip(),
                _description(item, findings),
                PRIORITY.get(item["risk"], "Medium"),
                f"wasp well-architected {bp.lower()} risk-{item['risk']}",
                workload_id,
                LENS,
                PILLAR,
                q.tool_id,
                q.choice_of(bp),
                item["risk"].upper(),
                bp,
                f"wasp-{name}-{bp}",
            ]
        )
        next_id += 1
        count += 1
    return count
