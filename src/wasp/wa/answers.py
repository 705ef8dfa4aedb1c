"""The answer wasp gives the Tool for one security question, built from a review, and whether the Tool already
holds it (so an unchanged re-export makes no UpdateAnswer call)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wasp.model import NAReason
from wasp.wa.lens import LENS, TOOL_REASON, ToolQuestion
from wasp.wa.notes import CHOICE_NOTES_LIMIT, NOT_ASSESSED_MARK, clip, fit, practice_line

ORDER = {"not_met": 0, "not_assessed": 1, "not_applicable": 2, "met": 3}
"""Notes list the practices to act on first, so a cut drops the met ones before anything else."""


@dataclass(frozen=True)
class ChoiceState:
    """One choice's state in an answer: SELECTED, NOT_APPLICABLE or UNSELECTED, with reason and notes."""

    status: str
    reason: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class Answer:
    """What wasp would write for one question."""

    question: ToolQuestion
    choices: Mapping[str, ChoiceState]
    """Every choice of the question wasp knows, by choice id, and 'None of these' when it is selected."""
    applicable: bool
    reason: str | None
    notes: str
    wasp_risk: str
    """wasp's own risk for the question (HIGH, MEDIUM, NONE, NOT_APPLICABLE, UNANSWERED)."""
    not_assessed: tuple[str, ...]
    """Practices wasp could not decide, left unselected."""

    @property
    def selected(self) -> tuple[str, ...]:
        """The selected choice ids, in order."""
        return tuple(c for c, s in self.choices.items() if s.status == "SELECTED")

    def params(self, workload_id: str) -> dict[str, Any]:
        """The UpdateAnswer parameters."""
        params: dict[str, Any] = {
            "WorkloadId": workload_id,
            "LensAlias": LENS,
            "QuestionId": self.question.tool_id,
            "SelectedChoices": list(self.selected),
            "ChoiceUpdates": {
                choice: {
                    "Status": s.status,
                    **({"Reason": s.reason} if s.reason else {}),
                    **({"Notes": s.notes} if s.notes else {}),
                }
                for choice, s in self.choices.items()
            },
            "Notes": self.notes,
            "IsApplicable": self.applicable,
        }
        if self.reason:
            params["Reason"] = self.reason
        return params

    def held_by(self, current: Mapping[str, Any]) -> bool:
        """True when the Tool's answer (GetAnswer's ``Answer``) already says exactly this."""
        if bool(current.get("IsApplicable", True)) != self.applicable:
            return False
        if (current.get("Notes") or "") != self.notes:
            return False
        if not self.applicable and (current.get("Reason") or None) != self.reason:
            return False
        if set(current.get("SelectedChoices", [])) != set(self.selected):
            return False
        held = {a["ChoiceId"]: a for a in current.get("ChoiceAnswers", [])}
        for choice, want in self.choices.items():
            have = held.get(choice, {})
            status = have.get("Status") or (
                "SELECTED" if choice in current.get("SelectedChoices", []) else "UNSELECTED"
            )
            got = ChoiceState(
                status, have.get("Reason") if status == "NOT_APPLICABLE" else None, have.get("Notes") or ""
            )
            expected = ChoiceState(
                want.status, want.reason if want.status == "NOT_APPLICABLE" else None, want.notes
            )
            if got != expected:
                return False
        return True


def build_answer(
    question: ToolQuestion,
    doc: Mapping[str, Any],
    review: Mapping[str, Any],
    findings: Mapping[str, Mapping[str, Any]],
    none_choice: str,
) -> Answer:
    """The answer for one question of a review (``doc`` is the review's ``questions[]`` entry).

    Met practices are selected; not-applicable ones are marked NOT_APPLICABLE with the Tool's reason; not-met and
    not-assessed ones stay unselected (a not-assessed one carries a note saying so, never a selection). When no
    practice is met but one is not met, 'None of these' is selected, so the Tool counts the question as answered.
    A question whose every practice is not applicable is marked not applicable.
    """
    practices = {p["id"]: p for p in doc["best_practices"]}
    choices: dict[str, ChoiceState] = {}
    reasons: list[str] = []
    for bp, choice, _risk in question.choices:
        p = practices[bp]
        status = p["status"]
        if status == "met":
            choices[choice] = ChoiceState("SELECTED")
        elif status == "not_applicable":
            reason = TOOL_REASON[NAReason(p.get("na_reason") or "other")]
            reasons.append(reason)
            choices[choice] = ChoiceState(
                "NOT_APPLICABLE", reason, clip(str(p.get("reason", "")), CHOICE_NOTES_LIMIT)
            )
        elif status == "not_assessed":
            note = f"{NOT_ASSESSED_MARK} ({p.get('reason', '')})"
            choices[choice] = ChoiceState("UNSELECTED", None, clip(note, CHOICE_NOTES_LIMIT))
        else:
            choices[choice] = ChoiceState("UNSELECTED")
    statuses = {p["status"] for p in practices.values()}
    applicable = statuses != {"not_applicable"}
    if "met" not in statuses and "not_met" in statuses:
        choices[none_choice] = ChoiceState("SELECTED")
    header = (
        f"wasp review of {review['workload']} at {review['generated_at']} (catalogue {review['catalogue_version']}):"
        f" {doc['id']} risk {str(doc['risk']).replace('_', ' ')}"
    )
    ordered = sorted(practices.values(), key=lambda p: (ORDER.get(p["status"], 9), p["id"]))
    notes = fit(header, [(p["id"], practice_line(p, findings)) for p in ordered])
    question_reason = None if applicable else Counter(reasons).most_common(1)[0][0]
    return Answer(
        question=question,
        choices=choices,
        applicable=applicable,
        reason=question_reason,
        notes=notes,
        wasp_risk=str(doc["risk"]).upper(),
        not_assessed=tuple(bp for bp in practices if practices[bp]["status"] == "not_assessed"),
    )
