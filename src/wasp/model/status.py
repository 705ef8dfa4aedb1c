"""Enumerations shared by the whole model: risks, statuses, evidence modes."""

from __future__ import annotations

from enum import StrEnum


class Risk(StrEnum):
    """Risk level of a best practice, as the Well-Architected Tool states it."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class EvidenceMode(StrEnum):
    """How a best practice is evidenced."""

    AUTOMATED = "automated"
    HYBRID = "hybrid"
    ATTESTED = "attested"


class BPStatus(StrEnum):
    """The decision on one best practice."""

    MET = "met"
    NOT_MET = "not_met"
    NOT_APPLICABLE = "not_applicable"
    NOT_ASSESSED = "not_assessed"


class NAReason(StrEnum):
    """Why a best practice is not applicable (the Well-Architected Tool's own reasons)."""

    OUT_OF_SCOPE = "out_of_scope"
    BUSINESS_PRIORITIES = "business_priorities"
    ARCHITECTURE_CONSTRAINTS = "architecture_constraints"
    OTHER = "other"


class QuestionRisk(StrEnum):
    """The risk of one question."""

    HIGH = "high"
    MEDIUM = "medium"
    NONE = "none"
    NOT_APPLICABLE = "not_applicable"
    UNANSWERED = "unanswered"


class FindingStatus(StrEnum):
    """The verdict of one rule on one resource."""

    PASS = "pass"
    FAIL = "fail"
    UNKNOWN = "unknown"
    WAIVED = "waived"


class Severity(StrEnum):
    """How bad a failing finding is."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    INFORMATIONAL = "informational"

    @property
    def rank(self) -> int:
        """0 for critical up to 4 for informational: sort key, worst first."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {severity: at for at, severity in enumerate(Severity)}
"""Each severity's place in the enum's order (sorting many findings asks for it once per finding)."""


class OriginKind(StrEnum):
    """Where a resource's description came from."""

    LIVE = "live"
    CLOUDFORMATION = "cloudformation"
    TERRAFORM = "terraform"
    SNAPSHOT = "snapshot"


class Answer(StrEnum):
    """A person's answer in an attestation."""

    YES = "yes"
    NO = "no"
    PARTIAL = "partial"
    NOT_APPLICABLE = "not_applicable"
