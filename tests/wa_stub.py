"""A stateful stand-in for the AWS Well-Architected Tool, built on botocore's Stubber (moto does not emulate the
service). Every call goes through a real boto3 client: botocore checks the parameters against the service
model, the Stubber checks each response against the model's output shape, and the state (answers, milestones)
changes as the Tool's would. The Tool's risk per question is computed here from its own lens table, on purpose
independently of wasp.wa.risk."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import boto3
from botocore import xform_name
from botocore.stub import Stubber

from wasp.model import Catalogue

REGION = "eu-west-2"
ACCOUNT = "111122223333"
WORKLOAD = "0123456789abcdef0123456789abcdef"
UPDATED = datetime(2026, 5, 20, 9, 30, tzinfo=UTC)
OTHER_PILLAR = ("operationalExcellence", "priorities", ("ops_priorities_ext_cust_needs", "ops_priorities_no"))
"""One question of another pillar, to show the export leaves it alone."""

ERRORS = {
    "ResourceNotFoundException": 404,
    "AccessDeniedException": 403,
    "ThrottlingException": 429,
    "ValidationException": 400,
}


class FakeTool:
    """The Tool's state for a few workloads; ``calls`` records (operation, params) in order."""

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        workloads: Iterable[str] = (WORKLOAD,),
        page_size: int = 4,
        lens: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.client = boto3.client("wellarchitected", region_name=REGION)
        self.stubber = Stubber(self.client)
        self.page_size = page_size
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.faults: dict[str, list[str]] = {}
        # the lens: question id -> [(choice id, title, risk)], risk HIGH/MEDIUM/LOW/NONE
        self.lens: dict[str, list[tuple[str, str, str]]] = {}
        for q in catalogue.questions:
            rows = [
                (catalogue.practice(bp).choice_id, bp, catalogue.practice(bp).risk.value.upper())
                for bp in q.best_practices
            ]
            self.lens[q.wa_id] = [(c, t, r) for c, t, r in rows]
            self.lens[q.wa_id].append(("sec_" + q.wa_id.replace("-", "_") + "_no", "None of these", "NONE"))
        for choice, (question, risk) in (lens or {}).items():
            self.lens[question] = [(c, t, risk if c == choice else r) for c, t, r in self.lens[question]]
        self.pillar = {q: "security" for q in self.lens}
        self.pillar[OTHER_PILLAR[1]] = OTHER_PILLAR[0]
        self.lens[OTHER_PILLAR[1]] = [
            (OTHER_PILLAR[2][0], "Evaluate external customer needs", "HIGH"),
            (OTHER_PILLAR[2][1], "None of these", "NONE"),
        ]
        self.workloads: dict[str, dict[str, Any]] = {}
        for n, wid in enumerate(workloads):
            self._new(wid, f"payments-{n}")
        self.client.meta.events.register("provide-client-params.wellarchitected.*", self._enqueue)
        self.stubber.activate()

    # --- state ---------------------------------------------------------------------------------------------

    def _new(self, wid: str, name: str, owner: str = "platform-team@example.com") -> None:
        answers = {
            q: {"selected": [], "states": {}, "notes": "", "applicable": True, "reason": None}
            for q in self.lens
        }
        answers[OTHER_PILLAR[1]]["selected"] = [OTHER_PILLAR[2][0]]
        answers[OTHER_PILLAR[1]]["notes"] = "answered by people"
        self.workloads[wid] = {
            "name": name,
            "owner": owner,
            "answers": answers,
            "milestones": [],
            "lenses": ["wellarchitected"],
        }

    def answer(self, question: str, wid: str = WORKLOAD) -> dict[str, Any]:
        """The stored answer of one question."""
        a: dict[str, Any] = self.workloads[wid]["answers"][question]
        return a

    def risk(self, question: str, answers: dict[str, Any]) -> str:
        """The Tool's own rule: not applicable, unanswered, else the worst unselected practice's risk."""
        a = answers[question]
        if not a["applicable"]:
            return "NOT_APPLICABLE"
        if not a["selected"]:
            return "UNANSWERED"
        none = any(t == "None of these" and c in a["selected"] for c, t, _ in self.lens[question])
        missing = {
            r
            for c, t, r in self.lens[question]
            if t != "None of these"
            and (none or c not in a["selected"])
            and a["states"].get(c, {}).get("Status") != "NOT_APPLICABLE"
        }
        return "HIGH" if "HIGH" in missing else "MEDIUM" if "MEDIUM" in missing else "NONE"

    def _choice_answers(self, a: dict[str, Any], with_notes: bool) -> list[dict[str, Any]]:
        out = []
        for c, state in sorted(a["states"].items()):
            item = {"ChoiceId": c, "Status": "SELECTED" if c in a["selected"] else state["Status"]}
            if state.get("Reason") and item["Status"] == "NOT_APPLICABLE":
                item["Reason"] = state["Reason"]
            if with_notes and state.get("Notes"):
                item["Notes"] = state["Notes"]
            out.append(item)
        return out

    def _answer_doc(self, wid: str, question: str, answers: dict[str, Any], summary: bool) -> dict[str, Any]:
        a = answers[question]
        doc: dict[str, Any] = {
            "QuestionId": question,
            "PillarId": self.pillar[question],
            "QuestionTitle": f"Question {question}",
            "Choices": [{"ChoiceId": c, "Title": t, "Description": t} for c, t, _ in self.lens[question]],
            "SelectedChoices": list(a["selected"]),
            "IsApplicable": a["applicable"],
            "Risk": self.risk(question, answers),
        }
        if a["reason"]:
            doc["Reason"] = a["reason"]
        if summary:
            doc["ChoiceAnswerSummaries"] = self._choice_answers(a, with_notes=False)
        else:
            doc["ChoiceAnswers"] = self._choice_answers(a, with_notes=True)
            doc["Notes"] = a["notes"]
        return doc

    def _workload_doc(self, wid: str) -> dict[str, Any]:
        w = self.workloads[wid]
        return {
            "WorkloadId": wid,
            "WorkloadArn": f"arn:aws:wellarchitected:{REGION}:{ACCOUNT}:workload/{wid}",
            "WorkloadName": w["name"],
            "Description": "a workload",
            "Environment": "PRODUCTION",
            "UpdatedAt": UPDATED,
            "Lenses": w["lenses"],
            "ReviewOwner": w["owner"],
            "Owner": ACCOUNT,
        }

    def _summary(self, wid: str, answers: dict[str, Any]) -> dict[str, Any]:
        counts: dict[str, int] = {}
        for q in answers:
            r = self.risk(q, answers)
            counts[r] = counts.get(r, 0) + 1
        w = self.workloads[wid]
        return {
            "WorkloadId": wid,
            "WorkloadName": w["name"],
            "Owner": ACCOUNT,
            "UpdatedAt": UPDATED,
            "Lenses": w["lenses"],
            "RiskCounts": counts,
        }

    # --- the stub ------------------------------------------------------------------------------------------

    def fail(self, operation: str, *codes: str) -> None:
        """The next calls of ``operation`` fail with these error codes, in order."""
        self.faults.setdefault(operation, []).extend(codes)

    def ops(self) -> list[str]:
        """The operations called, in order."""
        return [op for op, _ in self.calls]

    def _enqueue(self, params: dict[str, Any], model: Any, **_: Any) -> None:
        op = model.name
        method = xform_name(op)
        self.calls.append((op, copy.deepcopy(params)))
        if self.faults.get(op):
            code = self.faults[op].pop(0)
            self.stubber.add_client_error(
                method,
                service_error_code=code,
                service_message=f"{code} (stub)",
                http_status_code=ERRORS.get(code, 400),
                expected_params=params,
            )
            return
        wid = params.get("WorkloadId")
        if wid is not None and wid not in self.workloads:
            self.stubber.add_client_error(
                method,
                service_error_code="ResourceNotFoundException",
                service_message=f"No workload {wid}",
                http_status_code=404,
                expected_params=params,
            )
            return
        self.stubber.add_response(method, getattr(self, "_" + op)(params), expected_params=params)

    def _page(
        self, items: list[Any], key: str, params: dict[str, Any], extra: dict[str, Any]
    ) -> dict[str, Any]:
        start = int(params.get("NextToken", "t0")[1:])
        size = params.get("MaxResults", self.page_size)
        out = {**extra, key: items[start : start + size]}
        if start + size < len(items):
            out["NextToken"] = f"t{start + size}"
        return out

    def _answers_at(self, params: dict[str, Any]) -> dict[str, Any]:
        w = self.workloads[params["WorkloadId"]]
        n = params.get("MilestoneNumber")
        if n:
            snap: dict[str, Any] = w["milestones"][n - 1]["answers"]
            return snap
        live: dict[str, Any] = w["answers"]
        return live

    def _GetWorkload(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"Workload": self._workload_doc(params["WorkloadId"])}

    def _CreateWorkload(self, params: dict[str, Any]) -> dict[str, Any]:
        wid = f"{len(self.workloads) + 1:032x}"
        self._new(wid, params["WorkloadName"], params.get("ReviewOwner", "someone"))
        return {
            "WorkloadId": wid,
            "WorkloadArn": f"arn:aws:wellarchitected:{REGION}:{ACCOUNT}:workload/{wid}",
        }

    def _GetAnswer(self, params: dict[str, Any]) -> dict[str, Any]:
        answers = self._answers_at(params)
        return {
            "WorkloadId": params["WorkloadId"],
            "LensAlias": params["LensAlias"],
            "Answer": self._answer_doc(params["WorkloadId"], params["QuestionId"], answers, summary=False),
        }

    def _UpdateAnswer(self, params: dict[str, Any]) -> dict[str, Any]:
        a = self.answer(params["QuestionId"], params["WorkloadId"])
        if "SelectedChoices" in params:
            a["selected"] = list(params["SelectedChoices"])
        for choice, update in params.get("ChoiceUpdates", {}).items():
            a["states"][choice] = {k: v for k, v in update.items()}
            if update["Status"] == "SELECTED" and choice not in a["selected"]:
                a["selected"].append(choice)
            if update["Status"] != "SELECTED" and choice in a["selected"]:
                a["selected"].remove(choice)
        if "Notes" in params:
            a["notes"] = params["Notes"]
        if "IsApplicable" in params:
            a["applicable"] = params["IsApplicable"]
        a["reason"] = params.get("Reason") if not a["applicable"] else None
        answers = self.workloads[params["WorkloadId"]]["answers"]
        return {
            "WorkloadId": params["WorkloadId"],
            "LensAlias": params["LensAlias"],
            "Answer": self._answer_doc(params["WorkloadId"], params["QuestionId"], answers, summary=False),
        }

    def _ListAnswers(self, params: dict[str, Any]) -> dict[str, Any]:
        answers = self._answers_at(params)
        qs = [q for q in answers if params.get("PillarId") in (None, self.pillar[q])]
        items = [self._answer_doc(params["WorkloadId"], q, answers, summary=True) for q in qs]
        return self._page(
            items,
            "AnswerSummaries",
            params,
            {"WorkloadId": params["WorkloadId"], "LensAlias": params["LensAlias"]},
        )

    def _CreateMilestone(self, params: dict[str, Any]) -> dict[str, Any]:
        w = self.workloads[params["WorkloadId"]]
        w["milestones"].append(
            {"name": params["MilestoneName"], "answers": copy.deepcopy(w["answers"]), "at": UPDATED}
        )
        return {"WorkloadId": params["WorkloadId"], "MilestoneNumber": len(w["milestones"])}

    def _GetMilestone(self, params: dict[str, Any]) -> dict[str, Any]:
        m = self.workloads[params["WorkloadId"]]["milestones"][params["MilestoneNumber"] - 1]
        return {
            "WorkloadId": params["WorkloadId"],
            "Milestone": {
                "MilestoneNumber": params["MilestoneNumber"],
                "MilestoneName": m["name"],
                "RecordedAt": m["at"],
                "Workload": self._workload_doc(params["WorkloadId"]),
            },
        }

    def _GetLensReview(self, params: dict[str, Any]) -> dict[str, Any]:
        answers = self._answers_at(params)
        return {
            "WorkloadId": params["WorkloadId"],
            "LensReview": {
                "LensAlias": params["LensAlias"],
                "LensName": "AWS Well-Architected Framework",
                "UpdatedAt": UPDATED,
                "RiskCounts": self._summary(params["WorkloadId"], answers)["RiskCounts"],
            },
        }

    def _ListWorkloads(self, params: dict[str, Any]) -> dict[str, Any]:
        prefix = params.get("WorkloadNamePrefix", "")
        items = [
            self._summary(w, self.workloads[w]["answers"])
            for w in self.workloads
            if self.workloads[w]["name"].startswith(prefix)
        ]
        return self._page(items, "WorkloadSummaries", params, {})

    def _ListLensReviews(self, params: dict[str, Any]) -> dict[str, Any]:
        wid = params["WorkloadId"]
        answers = self.workloads[wid]["answers"]
        counts: dict[str, int] = {}
        for q in answers:
            r = self.risk(q, answers)
            counts[r] = counts.get(r, 0) + 1
        items = [
            {
                "LensAlias": "wellarchitected",
                "LensName": "AWS Well-Architected Framework",
                "RiskCounts": counts,
            }
        ]
        return self._page(items, "LensReviewSummaries", params, {"WorkloadId": wid})

    def _ListMilestones(self, params: dict[str, Any]) -> dict[str, Any]:
        wid = params["WorkloadId"]
        items = [
            {
                "MilestoneNumber": n,
                "MilestoneName": m["name"],
                "RecordedAt": m["at"],
                "WorkloadSummary": self._summary(wid, m["answers"]),
            }
            for n, m in enumerate(self.workloads[wid]["milestones"], start=1)
        ]
        return self._page(items, "MilestoneSummaries", params, {"WorkloadId": wid})
