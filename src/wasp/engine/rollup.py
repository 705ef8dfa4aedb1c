"""Roll best-practice decisions up per area and per design principle."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from wasp.model import BPStatus, Catalogue, PracticeResult, QuestionResult, QuestionRisk, Rollup

_ORDER = (
    QuestionRisk.HIGH,
    QuestionRisk.MEDIUM,
    QuestionRisk.NONE,
    QuestionRisk.UNANSWERED,
    QuestionRisk.NOT_APPLICABLE,
)


def _counts(results: Iterable[PracticeResult]) -> dict[str, int]:
    c = Counter(r.status.value for r in results)
    return {s.value: c.get(s.value, 0) for s in BPStatus}


def areas(catalogue: Catalogue, questions: tuple[QuestionResult, ...]) -> tuple[Rollup, ...]:
    """Counts and worst question risk for each of the seven areas."""
    by_id = {q.id: q for q in questions}
    out: list[Rollup] = []
    for area in catalogue.areas:
        qs = [by_id[q] for q in area.questions if q in by_id]
        risks = [q.risk for q in qs]
        worst = next((r for r in _ORDER if r in risks), None)
        out.append(Rollup(area.id, area.title, _counts(bp for q in qs for bp in q.best_practices), worst))
    return tuple(out)


def principles(catalogue: Catalogue, questions: tuple[QuestionResult, ...]) -> tuple[Rollup, ...]:
    """Counts for each design principle over the practices that express it."""
    by_bp = {bp.id: bp for q in questions for bp in q.best_practices}
    return tuple(
        Rollup(p.id, p.title, _counts(by_bp[b] for b in p.best_practices if b in by_bp))
        for p in catalogue.principles
    )
