"""The improvement plan as CSV that issue trackers import (Jira, GitHub, Azure Boards)."""

from __future__ import annotations

from typing import IO

from wasp.report.accounts_doc import account_label, multi_account, review_accounts
from wasp.report.doc_types import ReviewDoc
from wasp.report.plan_view import AccountGroup, RuleGroup, account_groups, rule_groups
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
LISTED = 20
"""Findings listed per rule in a ticket; the rest are counted."""
PRIORITY = {"high": "Highest", "medium": "High", "low": "Medium"}


class PlanCsvReporter:
    """One ticket per plan item, with a stable id for de-duplication; the description lists the findings rule by
    rule, each rule's findings followed by that rule's own fix."""

    name = "plan-csv"
    extension = "csv"
    filename = "plan.csv"
    binary = False
    description = "the improvement plan as issue-tracker CSV"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write one row per plan item, in plan order."""
        findings = {f["id"]: f for f in review["findings"]}
        names = (
            {a["id"]: account_label(a) for a in review_accounts(review)} if multi_account(review) else None
        )
        writer = CsvWriter(out)
        writer.writerow(COLUMNS)
        for item in review["improvement_plan"]:
            lines = [item.get("action", "")]
            for group in rule_groups(item, findings):
                lines += _group_lines(group)
            if names is not None:
                lines += _account_lines(account_groups(item, findings), names)
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


ACCOUNTS_LISTED = 50
"""Accounts listed in a ticket (most resources first); the rest are counted."""
RESOURCES_PER_ACCOUNT = 10


def _account_lines(groups: list[AccountGroup], names: dict[str, str]) -> list[str]:
    """Where the item's resources are, account by account (a review of several accounts)."""
    if not groups:
        return []
    lines = ["", f"Resources by account ({len(groups)} account(s)):"]
    for g in groups[:ACCOUNTS_LISTED]:
        listed = ", ".join(g.resources[:RESOURCES_PER_ACCOUNT])
        more = (
            f" and {len(g.resources) - RESOURCES_PER_ACCOUNT} more"
            if len(g.resources) > RESOURCES_PER_ACCOUNT
            else ""
        )
        lines.append(f"- {names.get(g.account, g.account)}: {len(g.resources)} resource(s): {listed}{more}")
    if len(groups) > ACCOUNTS_LISTED:
        lines.append(f"- ... and {len(groups) - ACCOUNTS_LISTED} more account(s)")
    return lines


def _group_lines(group: RuleGroup) -> list[str]:
    """One rule's part of a ticket: its findings (worst first), then its fix."""
    head = (
        f"Rule {group.rule}: {group.count} finding(s), worst {group.worst}"
        if group.findings
        else f"Rule {group.rule}"
    )
    lines = ["", head]
    for f in group.findings[:LISTED]:
        lines.append(f"- {f['resource']['type']} {f['resource']['id']}: {f['message']}")
    if group.count > LISTED:
        lines.append(f"- ... and {group.count - LISTED} more finding(s)")
    rem = group.remediation
    if rem:
        lines += [
            f"Fix ({group.rule}):",
            f"Console: {rem['console']}",
            f"CLI: {rem['cli']}",
            f"CloudFormation: {rem['cloudformation']}",
            f"Terraform: {rem['terraform']}",
        ]
    return lines


REPORTER = PlanCsvReporter()
