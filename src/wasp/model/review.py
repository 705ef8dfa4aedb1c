"""The result of a review: decisions per best practice, question, area and principle; the plan."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wasp.model.attestation import Attestation
from wasp.model.finding import Finding
from wasp.model.resource import Gap
from wasp.model.rule import Remediation, RuleMeta
from wasp.model.status import BPStatus, EvidenceMode, NAReason, QuestionRisk, Risk

if TYPE_CHECKING:
    from wasp.model.account_result import AccountResult


@dataclass(frozen=True)
class PracticeResult:
    """The decision on one best practice and what it rests on."""

    id: str
    title: str
    question: str
    risk: Risk
    evidence_mode: EvidenceMode
    status: BPStatus
    reason: str
    na_reason: NAReason | None = None
    findings: tuple[str, ...] = ()
    attestation: Attestation | None = None
    contradicted: bool = False
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionResult:
    """The risk of one question."""

    id: str
    title: str
    area: str
    risk: QuestionRisk
    incomplete: bool
    best_practices: tuple[PracticeResult, ...]


@dataclass(frozen=True)
class Rollup:
    """Counts of best-practice statuses for an area or a design principle."""

    id: str
    title: str
    counts: dict[str, int]
    worst_risk: QuestionRisk | None = None


@dataclass(frozen=True)
class PlanItem:
    """One entry of the improvement plan."""

    rank: int
    question: str
    best_practice: str
    title: str
    risk: Risk
    findings: tuple[str, ...]
    remediation: tuple[tuple[str, Remediation], ...]
    """(rule id, remediation) for every failing rule."""
    owner: str | None = None
    affected_resources: int = 0
    public_exposure: bool = False
    action: str = ""


@dataclass(frozen=True)
class Review:
    """A complete review."""

    workload: str
    catalogue_version: str
    generated_at: str
    questions: tuple[QuestionResult, ...]
    areas: tuple[Rollup, ...]
    principles: tuple[Rollup, ...]
    findings: tuple[Finding, ...]
    gaps: tuple[Gap, ...]
    plan: tuple[PlanItem, ...]
    scope: dict[str, object] = field(default_factory=dict)
    expired_attestations: tuple[Attestation, ...] = ()
    rules: tuple[tuple[str, RuleMeta], ...] = ()
    waivers: tuple[dict[str, object], ...] = ()
    """Every waiver considered: id, owner, reason, expires, expired, findings waived."""
    """(id, metadata) of every rule that produced a finding, so the review describes itself."""
    accounts: tuple[AccountResult, ...] = ()
    """Each reviewed account's questions decided from its own evidence, worst account first (engine.accounts)."""
