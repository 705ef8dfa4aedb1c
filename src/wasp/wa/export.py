"""Export a review's Security Pillar answers to a Tool workload, then read back the Tool's risk per question.

Only the 11 security questions of the `wellarchitected` lens are written; every other pillar's answers are left
as they are. Each question is read first (GetAnswer): the Tool's choice ids are checked against wasp's catalogue
before anything is written, and an answer the Tool already holds is not written again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from wasp.model import Catalogue
from wasp.wa.answers import Answer, build_answer
from wasp.wa.client import PLACEHOLDER_ID, Tool, WaToolError
from wasp.wa.lens import LENS, NONE_TITLE, PILLAR, ToolQuestion, tool_questions
from wasp.wa.risk import Comparison, compare, tool_risk


@dataclass(frozen=True)
class NewWorkload:
    """What --create needs for CreateWorkload."""

    name: str
    environment: str
    regions: tuple[str, ...]
    owner: str
    accounts: tuple[str, ...] = ()


@dataclass
class ExportResult:
    """What an export did."""

    workload_id: str
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    milestone: int | None = None
    comparisons: list[Comparison] = field(default_factory=list)

    @property
    def disagreements(self) -> list[Comparison]:
        """The questions where the Tool's risk is not wasp's."""
        return [c for c in self.comparisons if not c.agrees]


def token(*parts: str) -> str:
    """A stable ClientRequestToken: the same review and name give the same token, so a retried create is one."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:40]


def create_workload(tool: Tool, spec: NewWorkload, review: Mapping[str, Any]) -> str:
    """CreateWorkload with the `wellarchitected` lens; the new workload's id (a placeholder in a dry run)."""
    params: dict[str, Any] = {
        "WorkloadName": spec.name,
        "Description": f"Security Pillar review of {review['workload']} by wasp"[:250],
        "Environment": spec.environment,
        "ReviewOwner": spec.owner,
        "Lenses": [LENS],
        "ClientRequestToken": token("create", spec.name, str(review["generated_at"])),
    }
    if spec.accounts:
        params["AccountIds"] = list(spec.accounts)
    if spec.regions:
        params["AwsRegions"] = list(spec.regions)
    made = tool.call("CreateWorkload", **params)
    return str(made.get("WorkloadId") or PLACEHOLDER_ID)


def check_workload(tool: Tool, workload_id: str) -> None:
    """The workload exists and reviews the `wellarchitected` lens."""
    got = tool.call("GetWorkload", WorkloadId=workload_id)
    lenses = got.get("Workload", {}).get("Lenses")
    if not tool.dry_run and lenses is not None and LENS not in lenses:
        raise WaToolError(
            f"workload {workload_id} does not review the {LENS} lens (it has {', '.join(lenses) or 'none'}); "
            "add the AWS Well-Architected Framework lens to it in the Tool"
        )


def _none_choice(question: ToolQuestion, current: Mapping[str, Any]) -> str:
    for choice in current.get("Choices", []):
        if choice.get("Title") == NONE_TITLE:
            return str(choice["ChoiceId"])
    return question.none_choice


def _check_ids(question: ToolQuestion, current: Mapping[str, Any]) -> list[str]:
    """Problems with this question as the Tool lists it (empty when its ids match the catalogue)."""
    problems: list[str] = []
    if current.get("PillarId") not in (None, PILLAR):
        problems.append(f"{question.tool_id} is in pillar {current.get('PillarId')}, not {PILLAR}")
    known = {c["ChoiceId"] for c in current.get("Choices", [])}
    if not known:
        return [*problems, f"{question.question} ({question.tool_id}): the Tool listed no choices"]
    missing = [f"{bp}={choice}" for bp, choice, _ in question.choices if choice not in known]
    if missing:
        problems.append(
            f"{question.question} ({question.tool_id}): the Tool has no choice {', '.join(missing)} "
            f"(it lists {', '.join(sorted(known))})"
        )
    return problems


def _check_none_choices(answers: Sequence[Answer], current: Mapping[str, Mapping[str, Any]]) -> None:
    """Every choice an answer selects is one the Tool lists (the 'None of these' id is the Tool's own or, when
    it lists none by that title, wasp's guess, which must not be sent unchecked)."""
    unknown = [
        f"{a.question.question} ({c})"
        for a in answers
        for c in a.selected
        if c not in {choice["ChoiceId"] for choice in current[a.question.question].get("Choices", [])}
    ]
    if unknown:
        raise WaToolError(
            f"the Tool lists no 'None of these' choice for {', '.join(unknown)}; nothing was written"
        )


def export_review(
    tool: Tool,
    review: Mapping[str, Any],
    catalogue: Catalogue,
    *,
    workload_id: str | None = None,
    create: NewWorkload | None = None,
    milestone: str | None = None,
) -> ExportResult:
    """Write the review's answers to the Tool and compare its risks with wasp's (see the module docstring)."""
    if str(review.get("catalogue_version")) != catalogue.version:
        raise WaToolError(
            f"the review was made with catalogue {review.get('catalogue_version')}, this wasp has "
            f"{catalogue.version}; review the workload again before exporting"
        )
    if (workload_id is None) == (create is None):
        raise WaToolError("give either --workload-id ID or --create (with --name, --environment, --owner)")
    if create is not None:
        workload_id = create_workload(tool, create, review)
    else:
        assert workload_id is not None
        check_workload(tool, workload_id)
    result = ExportResult(workload_id)
    questions = {q["id"]: q for q in review["questions"]}
    findings = {f["id"]: f for f in review["findings"]}
    current: dict[str, Mapping[str, Any]] = {}
    problems: list[str] = []
    for q in tool_questions(catalogue):
        got = tool.call("GetAnswer", WorkloadId=workload_id, LensAlias=LENS, QuestionId=q.tool_id)
        current[q.question] = got.get("Answer", {})
        if not tool.dry_run:
            problems += _check_ids(q, current[q.question])
    if problems:
        raise WaToolError(
            "the Tool's security questions do not match wasp's catalogue: " + "; ".join(problems)
        )
    answers: list[Answer] = []
    for q in tool_questions(catalogue):
        answer = build_answer(
            q, questions[q.question], review, findings, _none_choice(q, current[q.question])
        )
        answers.append(answer)
    if not tool.dry_run:
        _check_none_choices(answers, current)
    for answer in answers:
        q = answer.question
        if not tool.dry_run and answer.held_by(current[q.question]):
            result.unchanged.append(q.question)
            continue
        tool.call("UpdateAnswer", **answer.params(workload_id))
        result.updated.append(q.question)
    if milestone:
        made = tool.call(
            "CreateMilestone",
            WorkloadId=workload_id,
            MilestoneName=milestone,
            ClientRequestToken=token("milestone", workload_id, milestone, str(review["generated_at"])),
        )
        result.milestone = made.get("MilestoneNumber")
    result.comparisons = read_back(tool, workload_id, answers, catalogue)
    return result


def read_back(
    tool: Tool, workload_id: str, answers: Sequence[Answer], catalogue: Catalogue
) -> list[Comparison]:
    """The Tool's risk per security question (ListAnswers) beside wasp's."""
    summaries = {
        s["QuestionId"]: s
        for s in tool.pages(
            "ListAnswers", "AnswerSummaries", WorkloadId=workload_id, LensAlias=LENS, PillarId=PILLAR
        )
    }
    risks = {bp.id: bp.risk for bp in catalogue.best_practices}
    out: list[Comparison] = []
    for answer in answers:
        summary = summaries.get(answer.question.tool_id)
        if summary is None:
            continue
        na = [c for c, s in answer.choices.items() if s.status == "NOT_APPLICABLE"]
        expected = tool_risk(answer.question, answer.selected, na, answer.applicable)
        out.append(
            compare(
                answer.question,
                answer.wasp_risk,
                str(summary.get("Risk", "UNANSWERED")),
                answer.not_assessed,
                expected,
                risks,
            )
        )
    return out
