"""Input the user typed, checked before any work starts: one line naming the value and what was meant.

Each check raises InputError (exit code 2). Regions are checked by wasp.regions, which the workload file uses too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from fnmatch import fnmatchcase

from wasp.errors import InputError, did_you_mean

ACCOUNT_ID = re.compile(r"\d{12}")


def check_accounts(accounts: Iterable[str], where: str) -> tuple[str, ...]:
    """The account ids, each exactly 12 digits (as AWS writes them, leading zeros kept)."""
    chosen = tuple(accounts)
    for account in chosen:
        if not ACCOUNT_ID.fullmatch(account):
            raise InputError(f"{where}: {account!r} is not an AWS account id (12 digits, e.g. 123456789012)")
    return chosen


def rule_ids() -> tuple[str, ...]:
    """Every rule id wasp ships."""
    from wasp.rules import load_rules

    return tuple(r.id for r in load_rules())


def check_rule_ids(ids: Iterable[str], where: str, *, globs: bool = False) -> tuple[str, ...]:
    """The rule ids, each a rule wasp has (with ``globs``, each pattern matching at least one rule)."""
    chosen = tuple(ids)
    known = rule_ids()
    for rule in chosen:
        if rule in known or (globs and any(fnmatchcase(k, rule) for k in known)):
            continue
        raise InputError(
            f"{where}: unknown rule {rule!r}{did_you_mean(rule, known) or '; see `wasp rules` for the rule ids'}"
        )
    return chosen


def check_practices(ids: Iterable[str], where: str) -> tuple[str, ...]:
    """Best practice ids (SEC01-BP01...) from the catalogue."""
    from wasp.catalogue import load_catalogue

    chosen = tuple(ids)
    known = [bp.id for bp in load_catalogue().best_practices]
    for bp in chosen:
        if bp not in known:
            raise InputError(
                f"{where}: unknown best practice {bp!r}{did_you_mean(bp, known) or '; see `wasp catalogue`'}"
            )
    return chosen


def check_collectors(names: Iterable[str], where: str) -> tuple[str, ...]:
    """Collector names wasp has (see `wasp permissions`)."""
    from wasp.collect import COLLECTORS

    chosen = tuple(names)
    known = [c.name for c in COLLECTORS]
    for name in chosen:
        if name not in known:
            raise InputError(
                f"{where}: unknown collector {name!r}{did_you_mean(name, known)} (collectors: {', '.join(known)})"
            )
    return chosen


def check_waiver_file(path: str) -> None:
    """Every waiver in the file names a rule wasp has (a glob must match one): a typo would waive nothing."""
    from pathlib import Path

    from wasp.attest.waivers import load_waivers

    for w in load_waivers(Path(path)):
        check_rule_ids([w.rule], f"{w.source or path}: waiver {w.id}", globs=True)


def check_report_formats(names: Iterable[str]) -> tuple[str, ...]:
    """The --formats names, each a report format (checked before a review runs, not after it)."""
    from wasp.report.base import get_format

    chosen = tuple(names)
    for name in chosen:
        get_format(name)
    return chosen
