"""Frozen dataclasses shared by every part of wasp. This package imports nothing else of wasp.

The types every part uses (resources, findings, statuses) are imported with the package; the review, catalogue,
workload, attestation and inventory types on first use (`wasp scan` needs none of the review's), so
``from wasp.model import Review`` works as before.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from wasp.model.finding import Finding, ResourceRef, finding_id
from wasp.model.resource import ACCOUNT_TYPE, SUPPLEMENTARY, Gap, Origin, Resource, Unresolved
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

if TYPE_CHECKING:
    from wasp.model.attestation import Attestation
    from wasp.model.catalogue import Area, BestPractice, Catalogue, DesignPrinciple, Question
    from wasp.model.inventory import Inventory
    from wasp.model.review import PlanItem, PracticeResult, QuestionResult, Review, Rollup
    from wasp.model.workload import Workload

_LAZY = {
    "Attestation": "attestation",
    **dict.fromkeys(("Area", "BestPractice", "Catalogue", "DesignPrinciple", "Question"), "catalogue"),
    "Inventory": "inventory",
    **dict.fromkeys(("PlanItem", "PracticeResult", "QuestionResult", "Review", "Rollup"), "review"),
    "Workload": "workload",
}
"""Name -> the submodule defining it, for the names imported on first use."""

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


def __getattr__(name: str) -> Any:
    """A lazily imported name (see the module docstring), bound into the package once imported."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
