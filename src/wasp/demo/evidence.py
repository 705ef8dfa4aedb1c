"""What the demo's security services contributed: failing findings per source service, for the terminal."""

from __future__ import annotations

from collections import Counter

from wasp.model import FindingStatus
from wasp.model.review import Review
from wasp.report.sources import source_label


def service_counts(review: Review) -> dict[str, int]:
    """Failing findings per security service (``source`` other than ``rule``), by the service's label."""
    counted = Counter(
        source_label(f.source)
        for f in review.findings
        if f.source != "rule" and f.status is FindingStatus.FAIL
    )
    return dict(sorted(counted.items()))


def service_line(review: Review) -> str | None:
    """``failing findings from the account's security services: AWS Config 5, GuardDuty 1, ...``; None if none."""
    counts = service_counts(review)
    if not counts:
        return None
    listed = ", ".join(f"{label} {n}" for label, n in counts.items())
    return f"failing findings from the account's security services: {listed} (each marked 'from ...' in the reports)"
