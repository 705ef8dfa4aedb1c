"""Import people's answers from a Tool workload as a wasp attestation file.

Only practices wasp cannot evidence by API become attestations: hybrid and attested ones, and automated ones no
rule covers yet. A selected choice is a `yes`; a choice marked not applicable is `not_applicable` with its
reason; an unselected choice of an answered question is a `no`, unless wasp's own export left it unselected as
not assessed (its note says so), which stays unattested. Unanswered questions give nothing.
The owner is the workload's review owner, the date the milestone's or the lens review's last update (the Tool
keeps no date per answer), the expiry that date plus a default period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from wasp.model import Catalogue, EvidenceMode, NAReason
from wasp.wa.client import Tool, WaToolError
from wasp.wa.lens import LENS, PILLAR, WASP_REASON, tool_questions
from wasp.wa.notes import NOT_ASSESSED_MARK

DEFAULT_EXPIRY_DAYS = 365


def importable(catalogue: Catalogue, with_rules: frozenset[str]) -> set[str]:
    """Practices an attestation decides: hybrid and attested, and automated ones no rule covers."""
    return {
        bp.id
        for bp in catalogue.best_practices
        if bp.evidence_mode is not EvidenceMode.AUTOMATED or bp.id not in with_rules
    }


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).date()
    if isinstance(value, dt.date):
        return value
    return None


def import_answers(
    tool: Tool,
    catalogue: Catalogue,
    workload_id: str,
    *,
    milestone: int | None = None,
    expiry_days: int = DEFAULT_EXPIRY_DAYS,
    with_rules: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The attestation document (wasp.attestations/1) for the workload's security answers."""
    workload = tool.call("GetWorkload", WorkloadId=workload_id).get("Workload", {})
    at: dict[str, Any] = {"MilestoneNumber": milestone} if milestone else {}
    review = tool.call("GetLensReview", WorkloadId=workload_id, LensAlias=LENS, **at).get("LensReview", {})
    when = _date(review.get("UpdatedAt")) or _date(workload.get("UpdatedAt"))
    if milestone:
        found = tool.call("GetMilestone", WorkloadId=workload_id, MilestoneNumber=milestone).get(
            "Milestone", {}
        )
        when = _date(found.get("RecordedAt")) or when
    if when is None:
        raise WaToolError(f"workload {workload_id}: the Tool gave no date for its answers")
    owner = str(workload.get("ReviewOwner") or workload.get("Owner") or "").strip()
    if not owner:
        raise WaToolError(f"workload {workload_id} has no review owner; set one in the Tool (ReviewOwner)")
    where = str(workload.get("WorkloadArn") or f"wellarchitected workload {workload_id}")
    summaries = {
        s["QuestionId"]: s
        for s in tool.pages(
            "ListAnswers", "AnswerSummaries", WorkloadId=workload_id, LensAlias=LENS, PillarId=PILLAR, **at
        )
    }
    wanted = importable(catalogue, with_rules)
    entries: dict[str, dict[str, Any]] = {}
    for q in tool_questions(catalogue):
        summary = summaries.get(q.tool_id)
        if summary is None or not any(bp in wanted for bp, _, _ in q.choices):
            continue
        if summary.get("IsApplicable", True) and not summary.get("SelectedChoices"):
            continue  # unanswered: nothing to attest
        answer = tool.call("GetAnswer", WorkloadId=workload_id, LensAlias=LENS, QuestionId=q.tool_id, **at)[
            "Answer"
        ]
        entries.update(_entries(q, answer, wanted, owner, when, expiry_days, where, milestone))
    return {
        "schema": "wasp.attestations/1",
        "workload": workload.get("WorkloadName"),
        "attestations": entries,
    }


def _entries(
    q: Any,
    answer: Mapping[str, Any],
    wanted: set[str],
    owner: str,
    when: dt.date,
    expiry_days: int,
    where: str,
    milestone: int | None,
) -> dict[str, dict[str, Any]]:
    selected = set(answer.get("SelectedChoices", []))
    states = {a["ChoiceId"]: a for a in answer.get("ChoiceAnswers", [])}
    applicable = bool(answer.get("IsApplicable", True))
    notes = str(answer.get("Notes") or "")
    ref = f"{where} question {q.tool_id}" + (f" milestone {milestone}" if milestone else "")
    out: dict[str, dict[str, Any]] = {}
    for bp, choice, _ in q.choices:
        if bp not in wanted:
            continue
        state = states.get(choice, {})
        entry: dict[str, Any] = {
            "owner": owner,
            "date": when.isoformat(),
            "expires": (when + dt.timedelta(days=expiry_days)).isoformat(),
        }
        choice_notes = str(state.get("Notes") or "")
        if not applicable or state.get("Status") == "NOT_APPLICABLE":
            reason = state.get("Reason") if state.get("Status") == "NOT_APPLICABLE" else answer.get("Reason")
            entry |= {
                "answer": "not_applicable",
                "reason": WASP_REASON.get(str(reason), NAReason.OTHER).value,
            }
        elif choice in selected or state.get("Status") == "SELECTED":
            entry |= {"answer": "yes", "evidence": [f"AWS Well-Architected Tool: {ref}"]}
        elif choice_notes.startswith(NOT_ASSESSED_MARK):
            continue
        else:
            entry["answer"] = "no"
        text = "\n".join(t for t in (choice_notes, notes) if t)
        if text:
            entry["notes"] = text
        out[bp] = entry
    return out


def check_document(doc: Mapping[str, Any]) -> None:
    """Validate an imported attestation document against the attestation JSON Schema (`wasp schema
    attestations`) and the model behind it; a mismatch is a WaToolError naming the practice and the check."""
    import copy

    import fastjsonschema
    from pydantic import ValidationError

    from wasp.attest.schema import AttestationFile
    from wasp.schemas import schema

    definition = copy.deepcopy(schema("attestations"))
    definition.pop("$id", None)
    definition["$schema"] = "http://json-schema.org/draft-07/schema#"
    try:
        fastjsonschema.compile(definition, use_formats=False)(copy.deepcopy(dict(doc)))
    except fastjsonschema.JsonSchemaValueException as exc:
        raise WaToolError(
            f"imported attestations fail the attestation schema at {exc.path}: {exc.rule}"
        ) from exc
    try:
        AttestationFile.model_validate(doc)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = "/".join(str(p) for p in first["loc"])
        raise WaToolError(
            f"imported attestations fail the attestation schema at {where}: {first['msg']}"
        ) from exc
