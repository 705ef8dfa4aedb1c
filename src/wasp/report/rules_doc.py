"""The rule reference (docs/rules.md), generated from the rules' own metadata."""

from __future__ import annotations

from collections import defaultdict

from wasp.model import Catalogue
from wasp.model.rule import Rule


def rules_markdown(rules: tuple[Rule, ...], catalogue: Catalogue, live: frozenset[str]) -> str:
    """Markdown: rules grouped by question, with best practices, severity, resource types and live/IaC use.

    ``live`` names the rules account reviews run (their resource type is collected)."""
    by_question: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        by_question[rule.meta.best_practices[0].split("-")[0]].append(rule)
    lines = [
        "# Rules",
        "",
        "Generated from the rule metadata by `wasp rules --format md`; do not edit by hand.",
        f"{len(rules)} rules. *Reads* lists the CloudFormation resource types a rule evaluates (first) and consults.",
        "*Sources*: `live` for account reviews, `iac` where the rule applies to CloudFormation/Terraform.",
        "",
    ]
    for q in catalogue.questions:
        group = by_question.get(q.id, [])
        if not group:
            continue
        lines += [
            f"## {q.id} {q.title}",
            "",
            "| rule | title | best practices | severity | reads | sources |",
            "|---|---|---|---|---|---|",
        ]
        for r in sorted(group, key=lambda r: r.id):
            m = r.meta
            sources = ", ".join(name for name, on in (("live", r.id in live), ("iac", m.iac)) if on)
            lines.append(
                f"| `{r.id}` | {m.title} | {', '.join(m.best_practices)} | {m.severity.value} | "
                f"{', '.join(f'`{t}`' for t in m.reads_types)} | {sources} |"
            )
        lines.append("")
    return "\n".join(lines)
