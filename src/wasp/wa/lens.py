"""The Tool's side of the catalogue: lens alias, pillar id, question ids and choice ids of the security pillar."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from wasp.model import Catalogue, NAReason, Risk

LENS = "wellarchitected"
"""The AWS Well-Architected Framework lens alias."""

PILLAR = "security"
"""The Tool's pillar id for the Security Pillar."""

NONE_TITLE = "None of these"
"""The title the Tool gives each question's 'none of these' choice."""

TOOL_REASON = {
    NAReason.OUT_OF_SCOPE: "OUT_OF_SCOPE",
    NAReason.BUSINESS_PRIORITIES: "BUSINESS_PRIORITIES",
    NAReason.ARCHITECTURE_CONSTRAINTS: "ARCHITECTURE_CONSTRAINTS",
    NAReason.OTHER: "OTHER",
}
"""wasp's not-applicable reasons -> the Tool's ChoiceReason/AnswerReason values."""

WASP_REASON = {**{v: k for k, v in TOOL_REASON.items()}, "NONE": NAReason.OTHER}
"""The Tool's reasons -> wasp's (the Tool's NONE has no wasp equivalent: it becomes other)."""


@dataclass(frozen=True)
class ToolQuestion:
    """One security question as the Tool names it, with its practices' choice ids and risks."""

    question: str
    """wasp's id (SEC01)."""
    tool_id: str
    """The Tool's QuestionId (securely-operate)."""
    choices: tuple[tuple[str, str, Risk], ...]
    """(best-practice id, choice id, risk) in catalogue order."""

    @property
    def none_choice(self) -> str:
        """The 'None of these' choice id by the Tool's convention (sec_<question>_no); the export uses the id the
        Tool itself lists when it can read it (GetAnswer), this only for --dry-run."""
        return "sec_" + self.tool_id.replace("-", "_") + "_no"

    def choice_of(self, practice: str) -> str:
        """The choice id of one of this question's practices."""
        return next(c for bp, c, _ in self.choices if bp == practice)

    def practice_of(self, choice: str) -> str | None:
        """The practice a choice id stands for (None for 'None of these' or an id wasp does not know)."""
        return next((bp for bp, c, _ in self.choices if c == choice), None)


@cache
def _questions(catalogue: Catalogue) -> tuple[ToolQuestion, ...]:
    return tuple(
        ToolQuestion(
            q.id,
            q.wa_id,
            tuple(
                (bp, catalogue.practice(bp).choice_id, catalogue.practice(bp).risk) for bp in q.best_practices
            ),
        )
        for q in catalogue.questions
    )


def tool_questions(catalogue: Catalogue) -> tuple[ToolQuestion, ...]:
    """The 11 security questions in catalogue order."""
    return _questions(catalogue)
