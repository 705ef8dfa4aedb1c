"""JSON under /api/: the same reads and writes as the pages, the same roles; writes need the X-CSRF-Token
header (GET /api/me gives it to a logged-in client)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from wasp.store.db import Store, StoreError

from . import answers as answers_mod
from . import plan_items, redecide, users
from .auth import may_answer, need, need_write
from .data import PAGE, Reviews
from .sessions import Current

router = APIRouter(prefix="/api", tags=["api"])
Viewer = Annotated[Current, Depends(need("viewer"))]


class AnswerIn(BaseModel):
    """An answer for a best practice."""

    answer: str = Field(description="yes, no, partial or not_applicable")
    reason: str | None = Field(default=None, description="Required for not_applicable")
    evidence: list[str] = Field(default_factory=list, max_length=50)
    notes: str = Field(default="", max_length=4000)
    expires: date | None = None


class PlanItemIn(BaseModel):
    """A plan item's new state."""

    owner: str = Field(max_length=200)
    status: str = Field(description="open, in_progress, accepted_risk or done")
    due: date | None = None
    comment: str = Field(default="", max_length=4000)
    waiver_reason: str = Field(default="", max_length=2000)
    waiver_expires: date | None = None


class MilestoneIn(BaseModel):
    """A milestone of a workload's latest review."""

    workload: str = Field(max_length=200)
    name: str = Field(min_length=1, max_length=200)


class UserIn(BaseModel):
    """A new user (an unknown field is refused, never dropped)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=100)
    role: str
    password: str = Field(max_length=1000)
    questions: list[str] = Field(default_factory=list)
    email: str | None = Field(default=None, max_length=1000)
    """For OIDC login: the first login binds the verified address (checked, never cut, by ``add_user``)."""


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _reviews(request: Request) -> Reviews:
    reviews: Reviews = request.app.state.reviews
    return reviews


@router.get("/openapi.json", include_in_schema=False)
def openapi(request: Request, who: Viewer) -> dict[str, Any]:
    """The OpenAPI schema of /api/ (for logged-in clients)."""
    schema: dict[str, Any] = request.app.openapi()
    return schema


@router.get("/me")
def me(who: Viewer) -> dict[str, Any]:
    """The logged-in user, and the CSRF token its writes must send as X-CSRF-Token."""
    u = who.user
    return {"name": u.name, "role": u.role, "questions": list(u.questions), "csrf": who.csrf}


@router.get("/workloads")
def workloads(request: Request, who: Viewer) -> list[dict[str, Any]]:
    """Each workload's latest review: id, when, question risks."""
    return _reviews(request).latest_per_workload()


@router.get("/reviews")
def reviews(request: Request, who: Viewer, workload: str | None = None) -> list[dict[str, Any]]:
    """Stored reviews (oldest first) with summary counts and question risks."""
    return _store(request).reviews(workload)


@router.get("/reviews/{review_id}")
def review(request: Request, review_id: int, who: Viewer) -> dict[str, Any]:
    """A review without its findings (those are paginated under /findings)."""
    doc = dict(_reviews(request).slim(review_id).doc)
    doc.pop("findings", None)
    return doc


@router.get("/reviews/{review_id}/findings")
def findings(
    request: Request,
    review_id: int,
    who: Viewer,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=500)] = PAGE,
    question: Annotated[str | None, Query(pattern=r"^SEC(0[1-9]|1[01])$")] = None,
    account: str = "",
    region: str = "",
    resource_type: str = "",
    severity: str = "",
    status: str = "",
) -> dict[str, Any]:
    """A page of a review's findings, filtered by question, account, region, type, severity and status."""
    reviews_ = _reviews(request)
    slim = reviews_.slim(review_id)
    rules = None
    if question:
        q = next((q for q in slim.doc["questions"] if q["id"] == question), None)
        if q is None:
            raise StoreError(f"no question {question} in review {review_id}")
        rules = sorted({r for bp in q["best_practices"] for r in bp.get("rules", [])})
    filters = {
        "account": account,
        "region": region,
        "resource_type": resource_type,
        "severity": severity,
        "status": status,
    }
    total, items = reviews_.findings(review_id, rules=rules, filters=filters, page=page, per_page=per_page)
    return {"total": total, "page": page, "per_page": per_page, "findings": items}


@router.get("/reviews/{review_id}/findings/{finding_id}")
def finding(request: Request, review_id: int, finding_id: str, who: Viewer) -> dict[str, Any]:
    """One finding with the evidence its rule recorded (property paths and values, secrets redacted)."""
    return _reviews(request).finding(review_id, finding_id)


@router.get("/workloads/{workload}/questions")
def current_questions(request: Request, workload: str, who: Viewer) -> list[dict[str, Any]]:
    """The latest review's questions re-decided with the questionnaire's current answers."""
    reviews_ = _reviews(request)
    slim = reviews_.slim(reviews_.latest_id(workload))
    return redecide.questions(slim.doc, answers_mod.current_answers(_store(request), workload))


@router.get("/workloads/{workload}/answers")
def answers(request: Request, workload: str, who: Viewer) -> dict[str, dict[str, Any]]:
    """The current answer per best practice."""
    return answers_mod.current_answers(_store(request), workload)


@router.get("/workloads/{workload}/practices/{practice}/answers")
def answer_history(request: Request, workload: str, practice: str, who: Viewer) -> list[dict[str, Any]]:
    """Every version of a practice's answer, newest first."""
    return answers_mod.answer_history(_store(request), workload, practice)


@router.post("/workloads/{workload}/practices/{practice}/answer")
def answer(
    request: Request,
    workload: str,
    practice: str,
    body: AnswerIn,
    who: Annotated[Current, Depends(need_write("stakeholder"))],
) -> dict[str, Any]:
    """Record the next version of a practice's answer (stakeholders: their questions only)."""
    may_answer(who, practice)
    _reviews(request).latest_id(workload)
    return answers_mod.record_answer(
        _store(request),
        workload=workload,
        practice=practice,
        answer=body.answer,
        reason=body.reason,
        evidence=body.evidence,
        notes=body.notes,
        expires=body.expires,
        actor=who.user.name,
    )


@router.get("/workloads/{workload}/plan")
def plan(request: Request, workload: str, who: Viewer) -> list[dict[str, Any]]:
    """The latest review's plan items, each with its current owner, status, due date and comment."""
    reviews_ = _reviews(request)
    items = plan_items.current_items(_store(request), workload)
    doc = reviews_.slim(reviews_.latest_id(workload)).doc
    return [{**item, "tracking": items.get(item["best_practice"])} for item in doc["improvement_plan"]]


@router.post("/workloads/{workload}/plan/{practice}")
def plan_update(
    request: Request,
    workload: str,
    practice: str,
    body: PlanItemIn,
    who: Annotated[Current, Depends(need_write("reviewer"))],
) -> dict[str, Any]:
    """Record a plan item's next version (reviewers); accepted_risk stores waivers."""
    reviews_ = _reviews(request)
    doc = reviews_.slim(reviews_.latest_id(workload)).doc
    doc_accounts = doc.get("scope", {}).get("accounts") or ()
    item = next((i for i in doc["improvement_plan"] if i["best_practice"] == practice), None)
    if item is None:
        raise StoreError(f"no plan item {practice} in the latest review")
    return plan_items.record_item(
        _store(request),
        workload=workload,
        practice=practice,
        owner=body.owner,
        status=body.status,
        due=body.due,
        comment=body.comment,
        rules=tuple(r["rule"] for r in item.get("remediation", [])),
        accounts=tuple(str(a) for a in doc_accounts),
        waiver_reason=body.waiver_reason,
        waiver_expires=body.waiver_expires,
        actor=who.user.name,
    )


@router.get("/milestones")
def milestones(request: Request, who: Viewer) -> list[dict[str, Any]]:
    """Every milestone, oldest first."""
    return _reviews(request).milestones()


@router.post("/milestones")
def milestone_create(
    request: Request, body: MilestoneIn, who: Annotated[Current, Depends(need_write("reviewer"))]
) -> dict[str, Any]:
    """Name a workload's latest review as a milestone (reviewers)."""
    return _store(request).create_milestone(body.name, str(_reviews(request).latest_id(body.workload)))


@router.get("/diff")
def diff(request: Request, who: Viewer, a: int, b: int) -> dict[str, Any]:
    """What changed between reviews a and b."""
    from wasp.report.diff import diff_reviews

    store = _store(request)
    return diff_reviews(store.load(str(a)), store.load(str(b)))


@router.get("/users")
def user_list(request: Request, who: Annotated[Current, Depends(need("admin"))]) -> list[dict[str, Any]]:
    """Users and roles (admins)."""
    return users.list_users(_store(request))


@router.post("/users")
def user_add(
    request: Request, body: UserIn, who: Annotated[Current, Depends(need_write("admin"))]
) -> dict[str, Any]:
    """Add a user (admins)."""
    u = users.add_user(
        _store(request),
        body.name,
        body.role,
        body.password,
        users.parse_questions(",".join(body.questions)),
        email=body.email or None,
    )
    return {
        "id": u.id,
        "name": u.name,
        "role": u.role,
        "questions": list(u.questions),
        "email": users.parse_email(body.email),
    }
