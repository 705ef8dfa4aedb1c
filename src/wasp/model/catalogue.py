"""The Security Pillar as data: areas, questions, best practices, design principles."""

from __future__ import annotations

from dataclasses import dataclass

from wasp.model.status import EvidenceMode, Risk


@dataclass(frozen=True)
class BestPractice:
    """One best practice, keyed by its current id (e.g. SEC01-BP01)."""

    id: str
    question: str
    title: str
    risk: Risk
    choice_id: str
    """The Well-Architected Tool's choice id (the documentation slug)."""
    evidence_mode: EvidenceMode
    prompt: str
    """The one-line question a reviewer answers."""


@dataclass(frozen=True)
class Question:
    """One of the eleven questions."""

    id: str
    wa_id: str
    """The Well-Architected Tool's question id (e.g. securely-operate)."""
    title: str
    area: str
    best_practices: tuple[str, ...]


@dataclass(frozen=True)
class Area:
    """One of the seven best-practice areas."""

    id: str
    title: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class DesignPrinciple:
    """A design principle and the best practices that express it."""

    id: str
    title: str
    best_practices: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    """The whole pillar."""

    version: str
    as_of: str
    source: str
    areas: tuple[Area, ...]
    questions: tuple[Question, ...]
    best_practices: tuple[BestPractice, ...]
    principles: tuple[DesignPrinciple, ...]

    def practice(self, bp_id: str) -> BestPractice:
        """A best practice by id; KeyError when unknown."""
        for bp in self.best_practices:
            if bp.id == bp_id:
                return bp
        raise KeyError(bp_id)

    def question(self, q_id: str) -> Question:
        """A question by id; KeyError when unknown."""
        for q in self.questions:
            if q.id == q_id:
                return q
        raise KeyError(q_id)

    @property
    def practice_ids(self) -> frozenset[str]:
        """Every best-practice id."""
        return frozenset(bp.id for bp in self.best_practices)
