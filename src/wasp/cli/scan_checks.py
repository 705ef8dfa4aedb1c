"""`wasp scan --check/--skip-check`: which rules run, by wasp rule id or by the Checkov check ids they cover.

A Checkov id (``CKV_AWS_19``, ``CKV2_AWS_6``, or a glob such as ``CKV_AWS_1*``) stands for the wasp rules whose
``META.checkov`` names it, so a Checkov command line or configuration carries over. A wasp rule id must be a
rule wasp has (a typo would silently run or skip nothing); a Checkov id that no wasp rule covers is an error
with ``--check`` (it would select nothing) and a note with ``--skip-check`` (there is nothing to skip).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from wasp.cli.checks import check_rule_ids
from wasp.errors import InputError
from wasp.model.rule import Rule

CHECKOV_ID = re.compile(r"^CKV2?_[A-Z0-9]+_[0-9*?\[\]]+$|^CKV2?_[A-Z0-9*?]+\*$", re.IGNORECASE)


@dataclass
class Selection:
    """The rules a scan runs, and notes for ids that selected nothing to skip."""

    rules: list[Rule]
    notes: list[str] = field(default_factory=list)


def is_checkov_id(text: str) -> bool:
    """True for a Checkov check id or a glob over them (``CKV_AWS_19``, ``CKV2_AWS_*``)."""
    return bool(CHECKOV_ID.match(text))


def covering(checkov_id: str, rules: Iterable[Rule]) -> list[Rule]:
    """The rules whose ``META.checkov`` names the id (or an id the glob matches)."""
    wanted = checkov_id.upper()
    return [r for r in rules if any(fnmatchcase(c.upper(), wanted) for c in r.meta.checkov)]


def _ids(values: Sequence[str], option: str, rules: list[Rule], notes: list[str]) -> set[str]:
    """The wasp rule ids the given ids and Checkov ids stand for."""
    chosen: set[str] = set()
    ours = [v for v in values if not is_checkov_id(v)]
    check_rule_ids(ours, option, globs=True)
    for value in ours:
        matched = {r.id for r in rules if fnmatchcase(r.id, value)}
        if not matched:
            notes.append(f"{option}: {value} runs only in live reviews (wasp review), not on IaC")
        chosen.update(matched)
    for value in (v for v in values if is_checkov_id(v)):
        found = covering(value, rules)
        if found:
            chosen.update(r.id for r in found)
        elif option == "--check":
            raise InputError(
                f"--check: no wasp rule covers {value!r}; see docs/iac-coverage.md for the Checkov ids wasp covers"
            )
        else:
            notes.append(f"--skip-check: no wasp rule covers {value}; nothing to skip")
    return chosen


def select(rules: list[Rule], check: Sequence[str], skip: Sequence[str]) -> Selection:
    """The IaC rules ``--check`` keeps (all when it is empty) minus those ``--skip-check`` names."""
    notes: list[str] = []
    keep = _ids(check, "--check", rules, notes) if check else {r.id for r in rules}
    drop = _ids(skip, "--skip-check", rules, notes) if skip else set()
    chosen = [r for r in rules if r.id in keep and r.id not in drop]
    if not chosen:
        raise InputError(
            "--check/--skip-check leave no rule that runs on IaC; see `wasp rules` for the rule ids"
        )
    return Selection(chosen, notes)
