"""The improvement plan: every High-risk gap first, then Medium, then Low improvement opportunities."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from wasp.engine.evaluate import Evaluation
from wasp.model import BPStatus, Catalogue, Finding, FindingStatus, PlanItem, QuestionResult, Risk, Severity

_RISK_ORDER = {Risk.HIGH: 0, Risk.MEDIUM: 1, Risk.LOW: 2}
_NO_FINDING = len(Severity)
"""The severity rank of an item closed by no finding (a practice attested as not met): after every finding."""


def _worst_rules_first(failing: list[Finding]) -> list[str]:
    """The failing rules, worst finding severity first, then most findings, then rule id.

    The same order reports show an item's rules in (report/plan_view.py), so ``remediation[0]`` is the fix for
    the rule of the item's worst finding, not the alphabetically first rule's.
    """
    worst: dict[str, int] = {}
    count: Counter[str] = Counter()
    for f in failing:
        worst[f.rule] = min(worst.get(f.rule, f.severity.rank), f.severity.rank)
        count[f.rule] += 1
    return sorted(worst, key=lambda rule: (worst[rule], -count[rule], rule))


def build_plan(
    catalogue: Catalogue,
    questions: tuple[QuestionResult, ...],
    evaluation: Evaluation,
    stakeholders: Mapping[str, str],
) -> tuple[PlanItem, ...]:
    """One item per best practice not met, ranked by risk, public exposure, worst finding, then affected resources."""
    fails_by_rule = {
        run.rule.id: [f for f in run.findings if f.status is FindingStatus.FAIL] for run in evaluation.runs
    }
    rules = {run.rule.id: run.rule for run in evaluation.runs}
    items: list[PlanItem] = []
    worst: dict[str, int] = {}
    for q in questions:
        for bp in q.best_practices:
            if bp.status is not BPStatus.NOT_MET:
                continue
            failing = [f for rid in bp.rules for f in fails_by_rule.get(rid, []) if bp.id in f.best_practices]
            failing_rules = _worst_rules_first(failing)
            resources = {f.resource.identity for f in failing}
            worst[bp.id] = min((f.severity.rank for f in failing), default=_NO_FINDING)
            action = (
                f"Fix {len(failing)} failing finding(s) on {len(resources)} resource(s)"
                if failing
                else f"Implement the practice: {catalogue.practice(bp.id).prompt}"
            )
            items.append(
                PlanItem(
                    rank=0,
                    question=q.id,
                    best_practice=bp.id,
                    title=bp.title,
                    risk=bp.risk,
                    findings=tuple(f.id for f in failing),
                    remediation=tuple((rid, rules[rid].meta.remediation) for rid in failing_rules),
                    owner=stakeholders.get(q.id),
                    affected_resources=len(resources),
                    public_exposure=any(f.public_exposure for f in failing),
                    action=action,
                )
            )
    items.sort(
        key=lambda i: (
            _RISK_ORDER[i.risk],
            not i.public_exposure,
            worst[i.best_practice],
            -i.affected_resources,
            i.best_practice,
        )
    )
    return tuple(replace(item, rank=n) for n, item in enumerate(items, start=1))
