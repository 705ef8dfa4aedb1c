"""Decide each best practice and each question exactly as ARCHITECTURE.md says.

- any unwaived failing finding -> not met (an attestation saying otherwise is flagged contradicted);
- a current attestation of not_applicable -> not applicable, of no/partial -> not met;
- automated: all rules ran over every resource in scope and passed -> met; a rule that could not run,
  or an unknown verdict -> not assessed; rules ran but nothing was in scope -> not applicable;
- hybrid: rules complete and passing, and a current attestation of yes -> met; otherwise not assessed;
- attested: a current attestation decides; expired or missing -> not assessed.
An automated practice that no rule covers yet is decided like an attested one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from wasp.engine.evaluate import Evaluation, RuleRun
from wasp.model import (
    Answer,
    Attestation,
    BestPractice,
    BPStatus,
    Catalogue,
    EvidenceMode,
    FindingStatus,
    NAReason,
    PracticeResult,
    Question,
    QuestionResult,
    QuestionRisk,
    Risk,
)


@dataclass(frozen=True)
class _Evidence:
    runs: tuple[RuleRun, ...]
    fails: tuple[str, ...]
    unknowns: tuple[str, ...]
    all_findings: tuple[str, ...]
    attestation: Attestation | None
    current: bool


def _gather(bp: BestPractice, evaluation: Evaluation, att: Attestation | None, today: date) -> _Evidence:
    runs = tuple(r for r in evaluation.runs if bp.id in r.rule.meta.best_practices)
    findings = [f for r in runs for f in r.findings]
    return _Evidence(
        runs=runs,
        fails=tuple(f.id for f in findings if f.status is FindingStatus.FAIL),
        unknowns=tuple(f.id for f in findings if f.status is FindingStatus.UNKNOWN),
        all_findings=tuple(f.id for f in findings),
        attestation=att,
        current=att is not None and att.is_current(today),
    )


def _incomplete_reason(ev: _Evidence) -> str | None:
    problems: list[str] = []
    for run in ev.runs:
        for gap in run.blocked_by:
            where = "/".join(x for x in (gap.account, gap.region) if x)
            problems.append(f"{run.rule.id}: {gap.service}:{gap.operation} {gap.error} ({where})")
        if run.not_collected:
            problems.append(f"{run.rule.id}: {', '.join(run.not_collected)} not collected")
    if ev.unknowns:
        problems.append(f"{len(ev.unknowns)} finding(s) could not be decided")
    return "could not check: " + "; ".join(problems) if problems else None


def _by_attestation(ev: _Evidence, mode_note: str) -> tuple[BPStatus, str, NAReason | None]:
    att = ev.attestation
    if att is None:
        return BPStatus.NOT_ASSESSED, f"{mode_note}no attestation", None
    if not ev.current:
        return BPStatus.NOT_ASSESSED, f"{mode_note}attestation expired on {att.expires}", None
    if att.answer is Answer.YES:
        return BPStatus.MET, f"attested yes by {att.owner} on {att.date}", None
    if att.answer is Answer.NOT_APPLICABLE:
        return BPStatus.NOT_APPLICABLE, f"attested not applicable by {att.owner}", att.reason
    return BPStatus.NOT_MET, f"attested {att.answer.value} by {att.owner} on {att.date}", None


def decide_practice(
    bp: BestPractice, evaluation: Evaluation, att: Attestation | None, today: date
) -> PracticeResult:
    """The status of one best practice with the reason and the evidence it rests on."""
    ev = _gather(bp, evaluation, att, today)
    contradicted = False
    na_reason: NAReason | None = None
    if ev.fails:
        status, reason = BPStatus.NOT_MET, f"{len(ev.fails)} failing finding(s)"
        if ev.current and att is not None and att.answer in (Answer.YES, Answer.NOT_APPLICABLE):
            contradicted = True
            reason += f"; attestation '{att.answer.value}' by {att.owner} is contradicted by evidence"
    elif ev.current and att is not None and att.answer is not Answer.YES:
        status, reason, na_reason = _by_attestation(ev, "")
    elif bp.evidence_mode is EvidenceMode.ATTESTED or (
        bp.evidence_mode is EvidenceMode.AUTOMATED and not ev.runs
    ):
        note = "no rule covers this practice yet; " if bp.evidence_mode is EvidenceMode.AUTOMATED else ""
        status, reason, na_reason = _by_attestation(ev, note)
    else:
        incomplete = _incomplete_reason(ev)
        if incomplete:
            status, reason = BPStatus.NOT_ASSESSED, incomplete
        elif bp.evidence_mode is EvidenceMode.HYBRID:
            status, reason, na_reason = _by_attestation(
                ev, f"rules pass ({len(ev.all_findings)} finding(s)) but " if ev.runs else ""
            )
        elif not ev.all_findings:
            types = sorted({r.rule.meta.resource_type for r in ev.runs})
            status, reason = BPStatus.NOT_APPLICABLE, f"no in-scope resources of {', '.join(types)}"
            na_reason = NAReason.OUT_OF_SCOPE
        else:
            status, reason = BPStatus.MET, f"{len(ev.all_findings)} passing finding(s)"
    return PracticeResult(
        id=bp.id,
        title=bp.title,
        question=bp.question,
        risk=bp.risk,
        evidence_mode=bp.evidence_mode,
        status=status,
        reason=reason,
        na_reason=na_reason,
        findings=ev.all_findings,
        attestation=att,
        contradicted=contradicted,
        rules=tuple(r.rule.id for r in ev.runs),
    )


def question_risk(results: Iterable[PracticeResult]) -> tuple[QuestionRisk, bool]:
    """(risk, incomplete) for a question from its best-practice results."""
    results = list(results)
    statuses = {r.status for r in results}
    incomplete = any(
        r.status is BPStatus.NOT_ASSESSED and r.risk in (Risk.HIGH, Risk.MEDIUM) for r in results
    )
    if statuses == {BPStatus.NOT_APPLICABLE}:
        return QuestionRisk.NOT_APPLICABLE, False
    if statuses <= {BPStatus.NOT_ASSESSED, BPStatus.NOT_APPLICABLE}:
        return QuestionRisk.UNANSWERED, incomplete
    not_met = {r.risk for r in results if r.status is BPStatus.NOT_MET}
    if Risk.HIGH in not_met:
        return QuestionRisk.HIGH, incomplete
    if Risk.MEDIUM in not_met:
        return QuestionRisk.MEDIUM, incomplete
    return QuestionRisk.NONE, incomplete


def latest_attestations(attestations: Iterable[Attestation]) -> dict[str, Attestation]:
    """The most recent attestation per best practice."""
    out: dict[str, Attestation] = {}
    for att in attestations:
        prev = out.get(att.best_practice)
        if prev is None or att.date >= prev.date:
            out[att.best_practice] = att
    return out


def decide_questions(
    catalogue: Catalogue, evaluation: Evaluation, attestations: Mapping[str, Attestation], today: date
) -> tuple[QuestionResult, ...]:
    """Every question with its best practices decided."""
    out: list[QuestionResult] = []
    for q in catalogue.questions:
        out.append(_decide_question(q, catalogue, evaluation, attestations, today))
    return tuple(out)


def _decide_question(
    q: Question,
    catalogue: Catalogue,
    evaluation: Evaluation,
    attestations: Mapping[str, Attestation],
    today: date,
) -> QuestionResult:
    results = tuple(
        decide_practice(catalogue.practice(bp_id), evaluation, attestations.get(bp_id), today)
        for bp_id in q.best_practices
    )
    risk, incomplete = question_risk(results)
    return QuestionResult(q.id, q.title, q.area, risk, incomplete, results)
