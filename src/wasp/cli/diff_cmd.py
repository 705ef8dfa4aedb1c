"""`wasp diff`: what got better or worse between two saved reviews."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from wasp.cli.options import command, db_option, format_option

if TYPE_CHECKING:
    from wasp.report.doc_types import ReviewDoc


def _text(d: dict[str, Any]) -> list[str]:
    s = d["summary"]
    lines = [
        f"{d['before']['generated_at']} -> {d['after']['generated_at']} ({d['after']['workload']})",
        f"high-risk questions {s['high_risk_questions'][0]} -> {s['high_risk_questions'][1]}; medium-risk "
        f"{s['medium_risk_questions'][0]} -> {s['medium_risk_questions'][1]}; best practices met "
        f"{s['best_practices_met'][0]} -> {s['best_practices_met'][1]}; failing findings "
        f"{s['failing_findings'][0]} -> {s['failing_findings'][1]}",
    ]
    for q in d["questions"]:
        lines.append(f"  question {q['id']}: {q['before']} -> {q['after']} ({q['direction']})")
    for bp in d["best_practices"]:
        lines.append(f"  {bp['id']} [{bp['risk']}] {bp['title']}: {bp['before']} -> {bp['after']}")
    for f in d["resolved_high_findings"]:
        lines.append(f"  resolved: {f['rule']} on {f['resource']}")
    for f in d["new_high_findings"]:
        lines.append(f"  NEW: {f['rule']} on {f['resource']}: {f['message']}")
    for bp in d["newly_expired_attestations"]:
        lines.append(f"  attestation expired: {bp}")
    from wasp.report.diff_accounts import account_lines

    lines += account_lines(d.get("accounts"))
    return lines


def _load(ref: str, db: str | None) -> ReviewDoc:
    """A review file, or a stored review by id, milestone name or 'latest'."""
    from wasp.report.base import load_review

    path = Path(ref)
    if path.exists() or ref.endswith(".json"):
        return load_review(path)
    from wasp.store import open_store

    return open_store(db).load(ref)


@command("diff")
@click.argument("before", metavar="BEFORE")
@click.argument("after", metavar="AFTER")
@format_option(("text", "json"), "text")
@db_option("Database path or URL, for stored reviews")
def diff(before: str, after: str, fmt: str, db: str | None) -> None:
    """What got better or worse between two reviews.

    Questions whose risk changed, best practices that changed status, high findings new and resolved, and
    attestations that expired. BEFORE and AFTER are each a review.json, a stored review id, a milestone name or
    'latest'.
    """
    import json

    from wasp.cli.console import out, plain
    from wasp.report.diff import diff_reviews

    result = diff_reviews(_load(before, db), _load(after, db))
    if fmt == "json":
        out.print_json(json.dumps(result))
    else:
        click.echo("\n".join(plain(line) for line in _text(result)))
