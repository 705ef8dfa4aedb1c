"""How `wasp fix plan` and `wasp fix apply` show a plan: the calls each fix would make, then the fixes that
need input, each on its own line with what is missing and where to give it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wasp.remediate.plan import PlanEntry
from wasp.report.safe_text import plain, safe

COLUMNS = ("Finding", "Rule", "Account", "Resource", "Calls", "Risk")

TABLE_ROWS = 200
"""Fixes shown one per row; beyond this the rest are counted per rule (a 58k-row table is unreadable and takes
rich 40 s to draw). `--rule`, `--finding` or `--format json` show them all."""


def fixable_count(entries: Sequence[PlanEntry]) -> int:
    """How many entries can be applied with what wasp has (those needing input are not fixable)."""
    return sum(e.fixable for e in entries)


def plan_title(entries: Sequence[PlanEntry]) -> str:
    """ "N fixable finding(s)", and how many more need input."""
    fixable = fixable_count(entries)
    need = len(entries) - fixable
    return f"{fixable} fixable finding(s)" + (f"; {need} need(s) input first" if need else "")


def needs_input_line(entry: PlanEntry) -> str:
    """One plain line: the finding, its rule, account and resource, and "needs input: what: where"."""
    ref = entry.finding["resource"]
    return plain(
        f"{entry.finding['id']} {entry.fixer.rule} {ref.get('account') or '?'} {ref.get('arn') or ref['id']}: "
        f"{entry.needs}"
    )


def plan_table(entries: Sequence[PlanEntry], max_rows: int = TABLE_ROWS) -> Table:
    """The fixable entries (the first ``max_rows``): finding, rule, account, resource, the calls it would make,
    what could break."""
    table = Table(title=plan_title(entries))
    for col in COLUMNS:
        table.add_column(col, overflow="fold")  # ids and rules are typed back as --finding/--rule: never cut
    for e in [e for e in entries if e.fixable][:max_rows]:
        ref = e.finding["resource"]
        table.add_row(
            safe(e.finding["id"]),
            safe(e.fixer.rule),
            safe(ref.get("account") or "?"),
            safe(ref.get("arn") or ref["id"]),
            "\n".join(safe(c.describe()) for c in e.calls) or "(re-read at apply)",
            safe(e.fixer.risk),
        )
    return table


def plan_records(entries: Sequence[PlanEntry]) -> list[dict[str, Any]]:
    """The plan as JSON-ready records (for ``--format json``): ``status`` is ``fixable`` or ``needs_input``."""
    return [
        {
            "finding": e.finding["id"],
            "rule": e.fixer.rule,
            "account": e.finding["resource"].get("account"),
            "resource": e.finding["resource"].get("arn") or e.finding["resource"]["id"],
            "status": "fixable" if e.fixable else "needs_input",
            "needs_input": str(e.needs) if e.needs else None,
            "calls": [c.describe() for c in e.calls],
            "permissions": list(e.fixer.permissions),
            "risk": e.fixer.risk,
        }
        for e in entries
    ]


def not_listed(entries: Sequence[PlanEntry], max_rows: int = TABLE_ROWS) -> str | None:
    """One line counting, per rule, the fixable entries beyond the table's rows (None when all are listed)."""
    rest = [e for e in entries if e.fixable][max_rows:]
    if not rest:
        return None
    per_rule = Counter(e.fixer.rule for e in rest)
    counts = ", ".join(f"{rule} {n}" for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])))
    return plain(
        f"... and {len(rest)} more fixable finding(s) not listed ({counts}); "
        "narrow with --rule or --finding, or see them all with --format json"
    )


def render_plan(entries: Sequence[PlanEntry], max_rows: int = TABLE_ROWS) -> RenderableType:
    """The table of fixable entries (the first ``max_rows``, the rest counted per rule), then one line per
    entry that needs input (never offered as fixable)."""
    parts: list[RenderableType] = [plan_table(entries, max_rows)]
    more = not_listed(entries, max_rows)
    if more:
        parts.append(Text(more, style="dim"))
    needing = [e for e in entries if not e.fixable]
    if needing:
        parts.append(
            Text(f"{len(needing)} fix(es) need input, not applied until it is given:", style="yellow")
        )
        parts += [Text(f"  {needs_input_line(e)}") for e in needing[:max_rows]]
        if len(needing) > max_rows:
            parts.append(Text(f"  ... and {len(needing) - max_rows} more (see them all with --format json)"))
    return Group(*parts)
