"""The risk the Tool computes for a question, and where it differs from wasp's.

The Tool derives a question's risk from its answer: not applicable when the question is; unanswered when no
choice is selected; otherwise HIGH if any practice left unselected (and not marked not applicable) is a
high-risk one, MEDIUM if any is medium-risk, else NONE. wasp decides a question from its practices' statuses,
where a not-assessed practice is unknown rather than missing, so the two differ exactly where wasp could not
decide a high- or medium-risk practice, or where the Tool's lens weighs a practice differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wasp.model import Risk
from wasp.wa.lens import ToolQuestion


def tool_risk(
    question: ToolQuestion, selected: Iterable[str], not_applicable: Iterable[str], applicable: bool
) -> str:
    """The Tool's risk (HIGH, MEDIUM, NONE, UNANSWERED, NOT_APPLICABLE) for an answer, from wasp's catalogue."""
    chosen, na = set(selected), set(not_applicable)
    if not applicable:
        return "NOT_APPLICABLE"
    if not chosen:
        return "UNANSWERED"
    missing = {risk for _, choice, risk in question.choices if choice not in chosen and choice not in na}
    if Risk.HIGH in missing:
        return "HIGH"
    if Risk.MEDIUM in missing:
        return "MEDIUM"
    return "NONE"


@dataclass(frozen=True)
class Comparison:
    """wasp's risk and the Tool's for one question, and why they differ."""

    question: str
    tool_question: str
    wasp: str
    tool: str
    why: str = ""

    @property
    def agrees(self) -> bool:
        """True when both say the same."""
        return self.wasp == self.tool

    def line(self) -> str:
        """``SEC02 identities: wasp HIGH, Tool HIGH``, with the reason when they differ."""
        text = f"{self.question} {self.tool_question}: wasp {self.wasp}, Tool {self.tool}"
        return text if self.agrees else f"{text}: {self.why}"


def compare(
    question: ToolQuestion,
    wasp_risk: str,
    tool: str,
    not_assessed: Iterable[str],
    expected: str,
    risks: Mapping[str, Risk],
) -> Comparison:
    """Compare wasp's risk with the Tool's read-back risk; ``expected`` is what the Tool should compute from the
    answer sent (tool_risk), so a difference there means the Tool's lens weighs the practices differently."""
    if wasp_risk == tool:
        return Comparison(question.question, question.tool_id, wasp_risk, tool)
    reasons: list[str] = []
    pending = [bp for bp in not_assessed if risks[bp] in (Risk.HIGH, Risk.MEDIUM)]
    if pending:
        named = ", ".join(f"{bp} ({risks[bp].value})" for bp in pending)
        reasons.append(f"not assessed by wasp and left unselected: {named}")
    if tool != expected:
        reasons.append(
            f"from the answer sent wasp's catalogue gives {expected}: the Tool's lens weighs it differently"
        )
    why = "; ".join(reasons) or "the risks disagree"
    return Comparison(question.question, question.tool_id, wasp_risk, tool, why)
