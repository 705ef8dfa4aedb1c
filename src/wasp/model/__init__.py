"""Frozen dataclasses shared by every part of wasp. This package imports nothing else of wasp."""

from wasp.model.attestation import Attestation
from wasp.model.catalogue import Area, BestPractice, Catalogue, DesignPrinciple, Question
from wasp.model.finding import Finding, ResourceRef, finding_id
from wasp.model.inventory import Inventory
from wasp.model.resource import ACCOUNT_TYPE, SUPPLEMENTARY, Gap, Origin, Resource, Unresolved
from wasp.model.review import PlanItem, PracticeResult, QuestionResult, Review, Rollup
from wasp.model.status import (
    Answer,
    BPStatus,
    EvidenceMode,
    FindingStatus,
    NAReason,
    OriginKind,
    QuestionRisk,
    Risk,
    Severity,
)
from wasp.model.workload import Workload

REDACTED_VALUE = "***redacted***"
"""What a collector stores in place of a value it must not keep."""

__all__ = [
    "ACCOUNT_TYPE",
    "REDACTED_VALUE",
    "SUPPLEMENTARY",
    "Answer",
    "Area",
    "Attestation",
    "BPStatus",
    "BestPractice",
    "Catalogue",
    "DesignPrinciple",
    "EvidenceMode",
    "Finding",
    "FindingStatus",
    "Gap",
    "Inventory",
    "NAReason",
    "Origin",
    "OriginKind",
    "PlanItem",
    "PracticeResult",
    "Question",
    "QuestionResult",
    "QuestionRisk",
    "Resource",
    "ResourceRef",
    "Review",
    "Risk",
    "Rollup",
    "Severity",
    "Unresolved",
    "Workload",
    "finding_id",
]
