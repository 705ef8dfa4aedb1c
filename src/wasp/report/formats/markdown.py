"""Markdown, for pull requests and wikis."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

from wasp.report.accounts_doc import NO_OU, account_label, multi_account, review_accounts
from wasp.report.doc_types import ReviewDoc
from wasp.report.plan_view import AccountGroup, RuleGroup, account_groups, rule_groups
from wasp.report.safe_text import md_cell as _cell
from wasp.report.safe_text import md_code as _code
from wasp.report.view import RISK_LABEL, STATUS_LABEL, build_view

EXAMPLES = 3
"""Findings listed per rule of a plan item; the rest are counted."""

ICON = {"met": "✅", "not_met": "❌", "not_applicable": "⏺", "not_assessed": "❔"}


class MarkdownReporter:
    """Summary, questions, decisions with reasons, the plan and the gaps.

    Every text from the review goes through ``md_cell`` (or ``md_code``): a name like ``![x](http://...)``
    renders as text and never as an image or a link."""

    name = "md"
    extension = "md"
    filename = "review.md"
    binary = False
    description = "Markdown for pull requests and wikis"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write the document."""
        v = build_view(review)
        findings = {f["id"]: f for f in review["findings"]}
        s = v["summary"]
        bp = s["best_practices"]
        w = out.write
        w(f"# Security Pillar review: {_cell(review['workload'])}\n\n")
        scope = review.get("scope", {})
        listed = scope.get("accounts", [])
        shown = (
            f"{len(listed)} accounts" if len(listed) > 10 else f"accounts {_cell(', '.join(listed)) or '-'}"
        )
        w(
            f"Generated {_cell(review['generated_at'])} · catalogue {_cell(review['catalogue_version'])} · "
            f"{shown} · regions "
            f"{_cell(', '.join(scope.get('regions', [])) or '-')}\n\n"
        )
        w(
            f"**{s['high_risk_questions']} high-risk** and **{s['medium_risk_questions']} medium-risk** questions. "
            f"Best practices: {bp['met']} met, {bp['not_met']} not met, {bp['not_applicable']} not applicable, "
            f"{bp['not_assessed']} not assessed. Findings: {s['findings']['fail']} fail, {s['findings']['pass']} pass, "
            f"{s['findings']['unknown']} unknown, {s['findings']['waived']} waived. {s.get('gaps', 0)} collection gap(s).\n\n"
        )
        w(
            "| Question | Risk | Complete | Met | Not met | N/A | Not assessed |\n|---|---|---|---|---|---|---|\n"
        )
        for q in v["questions"]:
            c = q["counts"]
            w(
                f"| {_cell(q['id'])} {_cell(q['title'])} | {RISK_LABEL[q['risk']]} | {'no' if q['incomplete'] else 'yes'} | "
                f"{c.get('met', 0)} | {c.get('not_met', 0)} | {c.get('not_applicable', 0)} | {c.get('not_assessed', 0)} |\n"
            )
        multi = multi_account(review)
        names = {a["id"]: account_label(a) for a in review_accounts(review)}
        if multi:
            _accounts(review, w)
        w("\n## Improvement plan\n\n")
        if not v["plan"]:
            w("Nothing to fix.\n")
        for item in v["plan"]:
            owner = f" — owner: {_cell(item['owner'])}" if item.get("owner") else ""
            w(
                f"{item['rank']}. **{_cell(item['risk'].upper())}** {_cell(item['best_practice'])} {_cell(item['title'])}{owner}: "
                f"{_cell(item.get('action', ''))}\n"
            )
            for group in rule_groups(item, findings):
                _group(group, w)
            if multi:
                _by_account(account_groups(item, findings), names, w)
        w("\n## Best practices\n")
        for q in v["questions"]:
            w(f"\n### {_cell(q['id'])} {_cell(q['title'])} — {RISK_LABEL[q['risk']]}\n\n")
            for p in q["best_practices"]:
                att = p.get("attestation")
                extra = (
                    f" Attested {_cell(att['answer'])} by {_cell(att['owner'])} ({_cell(att['date'])})."
                    if att
                    else ""
                )
                flag = " ⚠ contradicted by evidence." if p.get("contradicted") else ""
                w(
                    f"- {ICON[p['status']]} **{_cell(p['id'])}** {_cell(p['title'])} ({p['risk']} risk, {p['evidence_mode']}): "
                    f"{STATUS_LABEL[p['status']]} — {_cell(p['reason'])}.{extra}{flag}\n"
                )
        w(
            "\n## Compliance views\n\n| Framework | Met | Not met | Not assessed | N/A |\n|---|---|---|---|---|\n"
        )
        for view in v["compliance"]:
            c = view["summary"]
            w(
                f"| {_cell(view['name'])} | {c['met']} | {c['not_met']} | {c['not_assessed']} | {c['not_applicable']} |\n"
            )
        w(
            "\nPer-control detail: `wasp compliance review.json --framework ncsc|cyber-essentials|iso27001|uk-gdpr|fca-dora`.\n"
        )
        if v["gaps"]:
            w(
                "\n## What could not be checked\n\n| Service | Operation | Error | Region | Rules affected |\n|---|---|---|---|---|\n"
            )
            for g in v["gaps"]:
                w(
                    f"| {_cell(g['service'])} | {_cell(g['operation'])} | {g['error']} | {_cell(g.get('region') or '-')} | "
                    f"{_cell(', '.join(g['rules']) or '-')} |\n"
                )


ACCOUNTS_TOP = 25
"""Accounts in the Markdown matrix (worst first); the HTML report and the JSON hold every one."""
ACCOUNTS_PER_ITEM = 10
"""Accounts listed under a plan item; the rest are counted."""
_CELL = {"high": "H", "medium": "M", "none": "·", "unanswered": "?", "not_applicable": "-"}


def _accounts(review: ReviewDoc, w: Callable[[str], Any]) -> None:
    """The worst accounts' question risks, one row each."""
    accounts = review_accounts(review)
    qids = [q["id"] for q in review["questions"]]
    shown = accounts[:ACCOUNTS_TOP]
    w(f"\n## Accounts, worst first ({len(shown)} of {len(accounts)})\n\n")
    w("H high · M medium · · none · ? not assessed · - not applicable\n\n")
    w("| Account | OU | High | Medium | Not assessed | " + " | ".join(q[3:] for q in qids) + " |\n")
    w("|---|---|---|---|---|" + "---|" * len(qids) + "\n")
    for a in shown:
        risks = {q["id"]: q["risk"] for q in a["questions"]}
        cells = " | ".join(_CELL.get(risks.get(q, ""), "") for q in qids)
        w(
            f"| {_cell(account_label(a))} | {_cell(a['ou'] or NO_OU)} | {a['high_risk_questions']} | "
            f"{a['medium_risk_questions']} | {a['unanswered_questions']} | {cells} |\n"
        )


def _by_account(groups: list[AccountGroup], names: dict[str, str], w: Callable[[str], Any]) -> None:
    """Where the item's resources are: each account with its count, most resources first."""
    if not groups:
        return
    parts = [
        f"{_cell(names.get(g.account, g.account))} ({len(g.resources)})" for g in groups[:ACCOUNTS_PER_ITEM]
    ]
    more = f" and {len(groups) - ACCOUNTS_PER_ITEM} more" if len(groups) > ACCOUNTS_PER_ITEM else ""
    w(f"   - resources by account: {', '.join(parts)}{more}\n")


def _group(group: RuleGroup, w: Callable[[str], Any]) -> None:
    """One rule of a plan item: its fix, then its worst findings (nested under the item)."""
    count = f" ({group.count} finding(s), worst {_cell(group.worst)})" if group.findings else ""
    if group.service:
        count = f" from {_cell(group.service)}{count}"
    fix = f" — fix: {_code(group.remediation['cli'])}" if group.remediation else ""
    w(f"   - {_code(group.rule)}{count}{fix}\n")
    for f in group.findings[:EXAMPLES]:
        w(f"     - {_code(f['resource']['type'])} {_cell(f['resource']['id'])}: {_cell(f['message'])}\n")
    if group.count > EXAMPLES:
        w(f"     - ... and {group.count - EXAMPLES} more\n")


REPORTER = MarkdownReporter()
