"""An improvement-plan item seen rule by rule: each rule's failing findings with that rule's own fix.

A plan item (one best practice not met) can fail on several rules, each with its own remediation. Every
report shows an item's findings through :func:`rule_groups`, so a finding is never printed beside another
rule's fix: groups come worst severity first, then the most findings, then by rule id. In a review of several
accounts, reports also show an item's resources account by account (:func:`account_groups`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wasp.report.sources import from_service

SEVERITIES = ("critical", "high", "medium", "low", "informational")
"""Finding severities, worst first."""


def severity_rank(severity: str | None) -> int:
    """0 for critical up to 4 for informational; anything else (or none) sorts after them."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES)


@dataclass(frozen=True)
class RuleGroup:
    """The findings of one rule in a plan item, worst first, and that rule's remediation."""

    rule: str
    findings: tuple[Mapping[str, Any], ...]
    remediation: Mapping[str, Any] | None
    """The rule's fix (``console``, ``cli``, ``cloudformation``, ``terraform``); None when the item has none."""

    @property
    def count(self) -> int:
        """How many findings of this rule the item lists."""
        return len(self.findings)

    @property
    def worst(self) -> str | None:
        """The worst severity among the findings (None when there are none)."""
        return str(self.findings[0].get("severity")) if self.findings else None

    @property
    def service(self) -> str | None:
        """The security service whose findings the rule weighed (``GuardDuty``), None for wasp's own rule."""
        return from_service(self.findings[0]) if self.findings else None


def rule_groups(item: Mapping[str, Any], findings: Mapping[str, Mapping[str, Any]]) -> list[RuleGroup]:
    """The item's findings grouped by their own rule, each group with that rule's remediation.

    ``item`` is one entry of the review document's ``improvement_plan`` (``findings``: ids, ``remediation``:
    ``[{"rule": ..., "cli": ..., ...}]``); ``findings`` maps finding id to the document's finding (with
    ``rule`` and ``severity``). Ids the index does not hold are left out. A rule the item has a fix for but no
    listed finding still gets a (last, empty) group, so no fix is dropped.
    """
    fixes = {str(r["rule"]): r for r in item.get("remediation") or ()}
    by_rule: dict[str, list[Mapping[str, Any]]] = {}
    for fid in item.get("findings") or ():
        f = findings.get(fid)
        if f is not None:
            by_rule.setdefault(str(f["rule"]), []).append(f)
    groups = [RuleGroup(rule, tuple(_worst_first(fs)), fixes.get(rule)) for rule, fs in by_rule.items()] + [
        RuleGroup(rule, (), fix) for rule, fix in fixes.items() if rule not in by_rule
    ]
    groups.sort(key=lambda g: (severity_rank(g.worst), -g.count, g.rule))
    return groups


def _worst_first(items: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return sorted(
        items, key=lambda f: severity_rank(f.get("severity"))
    )  # stable: plan order within a severity


NO_ACCOUNT = "(no account)"
"""The account group of findings that name no account (a template's resources)."""


@dataclass(frozen=True)
class AccountGroup:
    """The failing findings of a plan item in one account, and the distinct resources they are on."""

    account: str
    findings: tuple[Mapping[str, Any], ...]
    resources: tuple[str, ...]
    """Each resource once (its ARN, else its id), in the order of the account's worst finding first."""

    @property
    def worst(self) -> str | None:
        """The worst severity among the account's findings."""
        return str(self.findings[0].get("severity")) if self.findings else None


def account_groups(item: Mapping[str, Any], findings: Mapping[str, Mapping[str, Any]]) -> list[AccountGroup]:
    """The item's findings grouped by the account of their resource: the accounts with the most resources to fix
    first, then the worst severity, then by account id (ids the index does not hold are left out)."""
    by_account: dict[str, list[Mapping[str, Any]]] = {}
    for fid in item.get("findings") or ():
        f = findings.get(fid)
        if f is not None:
            account = (f.get("resource") or {}).get("account") or NO_ACCOUNT
            by_account.setdefault(str(account), []).append(f)
    groups = []
    for account, items in by_account.items():
        ordered = _worst_first(items)
        resources = dict.fromkeys(str(f["resource"].get("arn") or f["resource"]["id"]) for f in ordered)
        groups.append(AccountGroup(account, tuple(ordered), tuple(resources)))
    groups.sort(key=lambda g: (-len(g.resources), severity_rank(g.worst), g.account))
    return groups
