"""The server-rendered pages. Each route states the role it needs; every form carries the session's CSRF token."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from wasp.errors import InputError
from wasp.store.db import Store, StoreError

from . import answers as answers_mod
from . import plan_items, redecide, sessions, users
from .app import render
from .auth import Forbidden, may_answer, need, need_write
from .data import FILTERS, SEVERITIES, Reviews
from .guidance import guidance_links
from .security import COOKIE, LOGIN_CSRF_COOKIE, new_token, same, set_cookie
from .sessions import Current
from .views import counts, pages, parse_date, trend

router = APIRouter(include_in_schema=False)
Viewer = Annotated[Current, Depends(need("viewer"))]
Admin = Annotated[Current, Depends(need("admin"))]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _reviews(request: Request) -> Reviews:
    reviews: Reviews = request.app.state.reviews
    return reviews


def _text(form: FormData, name: str, limit: int = 2000) -> str:
    value = form.get(name)
    return value.strip()[:limit] if isinstance(value, str) else ""


@router.get("/login")
def login_page(request: Request) -> Response:
    """The login form, with a double-submit CSRF token (there is no session yet)."""
    token = new_token()
    response = render(request, "login.html", csrf=token, error=None)
    set_cookie(response, request, LOGIN_CSRF_COOKIE, token, 1800)
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    """Check the password (rate limited per name and per address), start a session, set the signed cookie."""
    form = await request.form()
    name, password = _text(form, "name", 100), _text(form, "password", 1000)
    limiter = request.app.state.limiter
    keys = (f"name:{name.lower()}", f"addr:{request.client.host if request.client else '-'}")
    token = new_token()

    def again(message: str, status: int) -> Response:
        response = render(request, "login.html", status, csrf=token, error=message)
        set_cookie(response, request, LOGIN_CSRF_COOKIE, token, 1800)
        return response

    if not same(_text(form, "csrf", 100), request.cookies.get(LOGIN_CSRF_COOKIE)):
        return again("The login form had expired; please try again.", 400)
    if limiter.blocked(*keys):
        return again("Too many failed logins: wait a few minutes and try again.", 429)
    user = users.authenticate(_store(request), name, password)
    if user is None:
        limiter.failed(*keys)
        return again("Wrong user name or password.", 401)
    limiter.succeeded(keys[0])
    session_token = sessions.start(_store(request), user)
    response = RedirectResponse("/", status_code=303)
    set_cookie(
        response,
        request,
        COOKIE,
        request.app.state.signer.sign(session_token),
        int(sessions.LIFETIME.total_seconds()),
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request, who: Annotated[Current, Depends(need_write("viewer"))]) -> Response:
    """End the session in the store and clear the cookie (and log out at the OIDC provider when it can)."""
    from .oidc_pages import logout_target

    id_token = sessions.end(_store(request), who.session_id)
    response = RedirectResponse(logout_target(request, id_token), status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.get("/")
def dashboard(request: Request, who: Viewer) -> Response:
    """The latest review of each workload: risk per question, practice counts, trend."""
    reviews = _reviews(request)
    rows = []
    for latest in reviews.latest_per_workload():
        slim = reviews.slim(latest["id"])
        history = reviews.history(latest["workload"])
        accounts = slim.facets.get("account", [])
        matrix = reviews.account_matrix(latest["id"]) if len(accounts) > 1 else {}
        rows.append(
            {
                **latest,
                "counts": counts(slim.doc),
                "trend": trend(history),
                "scope": slim.doc.get("scope", {}),
                "matrix": matrix,
                "question_ids": [q["id"] for q in slim.doc["questions"]],
            }
        )
    return render(request, "dashboard.html", who=who, workloads=rows)


def _question(doc: dict[str, Any], qid: str) -> dict[str, Any]:
    for q in doc["questions"]:
        if q["id"] == qid:
            found: dict[str, Any] = q
            return found
    raise StoreError(f"no question {qid} in review")


@router.get("/w/{workload}/q/{qid}")
def question_page(
    request: Request, workload: str, qid: str, who: Viewer, review: int | None = None, page: int = 1
) -> Response:
    """A question: practices with stored and current status, the questionnaire, findings filtered in SQL."""
    reviews = _reviews(request)
    rid = review if review is not None else reviews.latest_id(workload)
    slim = reviews.slim(rid)
    if slim.doc["workload"] != workload:
        raise StoreError(f"no review {rid} of workload {workload!r}")
    stored = _question(slim.doc, qid)
    current = answers_mod.current_answers(_store(request), workload)
    now = _question({"questions": redecide.questions({"questions": [stored]}, current)}, qid)
    rules = sorted({r for bp in stored["best_practices"] for r in bp.get("rules", [])})
    filters = {k: request.query_params.get(k, "") for k in FILTERS}
    total, found = reviews.findings(rid, rules=rules, filters=filters, page=page)
    history = answers_mod.recent_history(
        _store(request),
        workload,
        [bp["id"] for bp in stored["best_practices"] if bp["evidence_mode"] in ("attested", "hybrid")],
    )
    return render(
        request,
        "question.html",
        who=who,
        workload=workload,
        review_id=rid,
        stored=stored,
        now=now,
        answers=current,
        history=history,
        findings=found,
        total=total,
        pager=pages(total, page, 50, filters),
        filters=filters,
        facets={**slim.facets, "severity": list(SEVERITIES), "status": ["fail", "unknown", "pass", "waived"]},
        may_answer=who.user.may_answer(qid),
        guidance=guidance_links(),
    )


@router.get("/reviews/{review_id}/findings/{finding_id}")
def finding_page(request: Request, review_id: int, finding_id: str, who: Viewer) -> Response:
    """One finding and the evidence its rule read (loaded for this finding only; values shown as JSON text)."""
    found = _reviews(request).finding(review_id, finding_id)
    evidence = [
        (str(path), json.dumps(value, indent=2, sort_keys=True, default=str, ensure_ascii=False))
        for path, value in sorted(found["evidence"].items(), key=lambda kv: str(kv[0]))
    ]
    workload = _reviews(request).slim(review_id).doc.get("workload", "")
    return render(
        request,
        "finding.html",
        who=who,
        review_id=review_id,
        workload=workload,
        finding=found,
        evidence=evidence,
    )


@router.post("/w/{workload}/bp/{practice}/answer")
async def answer(
    request: Request,
    workload: str,
    practice: str,
    who: Annotated[Current, Depends(need_write("stakeholder"))],
) -> Response:
    """Record the next version of a practice's answer (with an optional evidence file)."""
    may_answer(who, practice)
    _reviews(request).latest_id(workload)
    form = await request.form()
    file = form.get("file")
    upload = None
    if isinstance(file, UploadFile) and file.filename:
        data = await file.read(answers_mod.MAX_UPLOAD + 1)
        upload = answers_mod.Upload(file.filename, file.content_type or "", data)
    answers_mod.record_answer(
        _store(request),
        workload=workload,
        practice=practice,
        answer=_text(form, "answer", 20),
        reason=_text(form, "reason", 40) or None,
        evidence=[line for line in _text(form, "evidence", 4000).splitlines() if line.strip()],
        notes=_text(form, "notes", 4000),
        expires=parse_date(_text(form, "expires", 10), "expires"),
        upload=upload,
        actor=who.user.name,
    )
    return RedirectResponse(f"/w/{workload}/q/{practice[:5]}#{practice}", status_code=303)


@router.get("/uploads/{upload_id}")
def upload(request: Request, upload_id: int, who: Viewer) -> Response:
    """An evidence file, always as a download in a sandbox (never rendered as a page of this site)."""
    row = answers_mod.get_upload(_store(request), upload_id)
    safe = "".join(c for c in row.filename if c.isalnum() or c in "._-")[:100] or "evidence"
    return Response(
        row.data,
        media_type=row.content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{safe}"',
            "Content-Security-Policy": "default-src 'none'; sandbox",
        },
    )


@router.get("/w/{workload}/plan")
def plan_page(request: Request, workload: str, who: Viewer) -> Response:
    """The improvement plan of the latest review with each item's owner, status, due date and comment."""
    reviews = _reviews(request)
    rid = reviews.latest_id(workload)
    slim = reviews.slim(rid)
    items = plan_items.current_items(_store(request), workload)
    return render(
        request,
        "plan.html",
        who=who,
        workload=workload,
        review_id=rid,
        plan=slim.doc["improvement_plan"],
        items=items,
        statuses=plan_items.STATUSES,
    )


def _plan_item(doc: dict[str, Any], practice: str) -> dict[str, Any]:
    for item in doc["improvement_plan"]:
        if item["best_practice"] == practice:
            found: dict[str, Any] = item
            return found
    raise StoreError(f"no plan item {practice} in the latest review")


@router.post("/w/{workload}/plan/{practice}")
async def plan_update(
    request: Request, workload: str, practice: str, who: Annotated[Current, Depends(need_write("reviewer"))]
) -> Response:
    """Record a plan item's next version; accepting a risk also stores its waivers."""
    reviews = _reviews(request)
    doc = reviews.slim(reviews.latest_id(workload)).doc
    item = _plan_item(doc, practice)
    doc_accounts = doc.get("scope", {}).get("accounts") or ()
    form = await request.form()
    plan_items.record_item(
        _store(request),
        workload=workload,
        practice=practice,
        owner=_text(form, "owner", 200),
        status=_text(form, "status", 20),
        due=parse_date(_text(form, "due", 10), "due"),
        comment=_text(form, "comment", 4000),
        rules=tuple(r["rule"] for r in item.get("remediation", [])),
        accounts=tuple(str(a) for a in doc_accounts),
        waiver_reason=_text(form, "waiver_reason", 2000),
        waiver_expires=parse_date(_text(form, "waiver_expires", 10), "waiver expiry"),
        actor=who.user.name,
    )
    return RedirectResponse(f"/w/{workload}/plan#{practice}", status_code=303)


@router.post("/w/{workload}/redecide")
async def redecide_review(
    request: Request, workload: str, who: Annotated[Current, Depends(need_write("reviewer"))]
) -> Response:
    """Save a new review: the latest one re-decided with the current answers."""
    store, reviews = _store(request), _reviews(request)
    full = store.load(str(reviews.latest_id(workload)))
    doc = redecide.redecided(dict(full), answers_mod.current_answers(store, workload))
    store.save(doc)  # type: ignore[arg-type]
    return RedirectResponse("/", status_code=303)


@router.get("/milestones")
def milestones_page(request: Request, who: Viewer) -> Response:
    """Milestones, a form to create one, and a form to compare two."""
    reviews = _reviews(request)
    return render(
        request,
        "milestones.html",
        who=who,
        milestones=reviews.milestones(),
        workloads=[w["workload"] for w in reviews.latest_per_workload()],
    )


@router.post("/milestones")
async def milestone_create(
    request: Request, who: Annotated[Current, Depends(need_write("reviewer"))]
) -> Response:
    """Name the latest review of a workload as a milestone."""
    form = await request.form()
    name, workload = _text(form, "name", 200), _text(form, "workload", 200)
    if not name:
        raise InputError("a milestone needs a name")
    _store(request).create_milestone(name, str(_reviews(request).latest_id(workload)))
    return RedirectResponse("/milestones", status_code=303)


@router.get("/diff")
def diff_page(request: Request, who: Viewer, a: int, b: int) -> Response:
    """Two reviews side by side: question risks, and what changed."""
    from wasp.report.diff import diff_reviews

    store, reviews = _store(request), _reviews(request)
    if not (reviews.review_exists(a) and reviews.review_exists(b)):
        raise StoreError(f"no review {a if not reviews.review_exists(a) else b}")
    before, after = reviews.slim(a).doc, reviews.slim(b).doc
    result = diff_reviews(store.load(str(a)), store.load(str(b)))
    pairs = [(qa, qb) for qa, qb in zip(before["questions"], after["questions"], strict=False)]
    return render(
        request, "diff.html", who=who, a=a, b=b, before=before, after=after, pairs=pairs, diff=result
    )


@router.get("/admin/users")
def users_page(request: Request, who: Admin) -> Response:
    """Users and their roles (admins only)."""
    return render(request, "users.html", who=who, users=users.list_users(_store(request)), roles=users.ROLES)


@router.post("/admin/users")
async def user_add(request: Request, who: Annotated[Current, Depends(need_write("admin"))]) -> Response:
    """Add a user (admins only)."""
    form = await request.form()
    users.add_user(
        _store(request),
        _text(form, "name", 100),
        _text(form, "role", 20),
        _text(form, "password", 1000),
        users.parse_questions(_text(form, "questions", 200)),
        email=_text(form, "email", 321) or None,  # one more than allowed: too long is refused, never cut
    )
    return RedirectResponse("/admin/users", status_code=303)


__all__ = ["Forbidden", "router"]
