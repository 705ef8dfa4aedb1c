"""Where a finding's evidence comes from, in words: wasp's own rule or a security service's findings.

Reviews written before findings carried a ``source`` read as ``rule``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

RULE = "rule"
"""A finding whose evidence wasp read from the resource itself."""

LABELS = {
    RULE: "wasp",
    "guardduty": "GuardDuty",
    "inspector": "Inspector",
    "securityhub": "Security Hub",
    "accessanalyzer": "IAM Access Analyzer",
    "macie": "Macie",
    "config": "AWS Config",
}
"""The name shown for each source; an unknown source is shown as it is written."""


def source_of(finding: Mapping[str, Any]) -> str:
    """The finding's source (``rule`` when the review predates sources)."""
    return str(finding.get("source") or RULE)


def source_label(source: str) -> str:
    """The source's display name: ``GuardDuty`` for ``guardduty``, ``wasp`` for a rule of its own."""
    return LABELS.get(source, source)


def from_service(finding: Mapping[str, Any]) -> str | None:
    """The display name of the security service behind the finding, or None for wasp's own rule."""
    source = source_of(finding)
    return None if source == RULE else source_label(source)
