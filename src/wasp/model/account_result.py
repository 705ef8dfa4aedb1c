"""The review seen from one account: its questions decided from its own findings, gaps and the attestations."""

from __future__ import annotations

from dataclasses import dataclass

from wasp.model.review import QuestionResult
from wasp.model.status import QuestionRisk


@dataclass(frozen=True)
class AccountResult:
    """One account's question risks and practice decisions, with where it sits in the organisation."""

    account: str
    questions: tuple[QuestionResult, ...]
    name: str | None = None
    """The account's name in AWS Organizations (chosen by whoever runs the organisation: untrusted text)."""
    ou: str | None = None
    """The account's OU path (``Root/Prod/Payments``) when the organisation's accounts were read, else None."""
    failing_findings: int = 0
    gaps: int = 0
    """Gaps in this account (account-wide gaps, with no account, are not counted here)."""

    def count(self, risk: QuestionRisk) -> int:
        """How many of the account's questions carry this risk."""
        return sum(q.risk is risk for q in self.questions)

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Worst first: most High questions, then most Medium, then most unanswered, then the account id."""
        return (
            -self.count(QuestionRisk.HIGH),
            -self.count(QuestionRisk.MEDIUM),
            -self.count(QuestionRisk.UNANSWERED),
            self.account,
        )
