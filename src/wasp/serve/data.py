"""What the pages and the API read: reviews (their outline, stored apart at save time, cached per process), the
latest review per workload, and findings filtered and paginated in SQL so a 100k-finding review stays fast."""

from __future__ import annotations

import json
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wasp.store.db import Store, StoreError
from wasp.store.models import FindingEvidenceRow, FindingRow, QuestionRow, ReviewRow
from wasp.store.outline import unpack

PAGE = 50
"""Findings per page."""
FILTERS = ("account", "region", "resource_type", "severity", "status")
COLUMNS = (
    "finding_id",
    "rule",
    "status",
    "severity",
    "resource_type",
    "resource",
    "account",
    "region",
    "message",
)
SHOWN = {"finding_id": "id"}
SEVERITIES = ("critical", "high", "medium", "low", "informational")


@dataclass
class Slim:
    """A review without its findings (questions, plan, summary, scope), the rules and facets of its findings, and
    its failing findings per account and rule: the review's outline, stored apart at save time."""

    id: int
    doc: dict[str, Any]
    facets: dict[str, list[str]] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)
    failing: list[tuple[str, str, int]] = field(default_factory=list)
    matrix: dict[str, dict[str, int]] | None = None
    """Failing findings per account and question, once asked for."""


def _damaged(review_id: int, what: str) -> str:
    return (
        f"review {review_id} is damaged in the store ({what}); save the review again, or move the store aside: "
        "wasp creates a new one"
    )


def _outline(review_id: int, blob: bytes) -> Slim:
    """The stored outline, checked before any page uses it: a damaged one (not gzip, not JSON, or a value of the
    wrong type, the review part checked by the review schema as a loaded document is) is one StoreError."""
    from wasp.schemas.validate import SchemaMismatch, validate

    try:
        stored = unpack(blob)
    except (OSError, EOFError, zlib.error, ValueError, RecursionError) as exc:
        raise StoreError(
            _damaged(review_id, f"its outline cannot be read: {exc.__class__.__name__}")
        ) from exc
    review = stored.get("review") if isinstance(stored, dict) else None
    if not isinstance(stored, dict) or not isinstance(review, dict):
        raise StoreError(_damaged(review_id, "its outline is not a review"))
    try:
        validate("review", {**review, "findings": []})
    except SchemaMismatch as exc:
        raise StoreError(_damaged(review_id, f"its outline does not match the review schema {exc}")) from exc
    facets, rules, failing = stored.get("facets"), stored.get("rules"), stored.get("failing")
    if not (
        isinstance(facets, dict)
        and all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in facets.values())
        and isinstance(rules, list)
        and all(isinstance(r, str) for r in rules)
        and isinstance(failing, list)
        and all(
            isinstance(f, list)
            and len(f) == 3
            and isinstance(f[0], str)
            and isinstance(f[1], str)
            and isinstance(f[2], int)
            for f in failing
        )
    ):
        raise StoreError(
            _damaged(review_id, "its outline's facets, rules or failing counts have the wrong type")
        )
    return Slim(review_id, review, facets, rules, [(a, r, n) for a, r, n in failing])


class Reviews:
    """Reads from the store, with an LRU of review outlines and of finding counts per filter.

    A stored review never changes, but its id could be given to another review if it were deleted (SQLite reuses
    the highest id): every cached value is kept under the review's id and the time it was saved, which each use
    checks with one read by primary key, so another process's delete and save is never shown stale.
    """

    def __init__(self, store: Store, size: int = 8) -> None:
        self.store = store
        self._cache: OrderedDict[tuple[int, str], Slim] = OrderedDict()
        self._counts: OrderedDict[tuple[Any, ...], int] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def _stamp(self, session: Session, review_id: int) -> str:
        """The review's identity for the caches (its save time); StoreError when there is no such review."""
        saved = session.scalar(select(ReviewRow.saved_at).where(ReviewRow.id == review_id))
        if saved is None:
            raise StoreError(f"no review {review_id}")
        return saved.isoformat()

    def slim(self, review_id: int) -> Slim:
        """The review's outline (404-style StoreError when there is none): read from its own column, so neither
        the whole document nor any finding is read."""
        with Session(self.store.engine) as session:
            key = (review_id, self._stamp(session, review_id))
            with self._lock:
                hit = self._cache.get(key)
                if hit is not None:
                    self._cache.move_to_end(key)
                    return hit
            blob = session.scalar(select(ReviewRow.outline).where(ReviewRow.id == review_id))
        if blob is None:  # a damaged document was not backfilled: loading it says so in one line
            self.store.load(str(review_id))
            raise StoreError(f"review {review_id} has no outline; save it again")
        slim = _outline(review_id, blob)
        with self._lock:
            self._cache[key] = slim
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return slim

    def finding(self, review_id: int, finding_id: str) -> dict[str, Any]:
        """One finding's columns and the evidence its rule recorded (already redacted in the review document): one
        row, found by the review and finding id; StoreError when the review has no such finding."""
        with Session(self.store.engine) as session:
            row = session.execute(
                select(*(getattr(FindingRow, c) for c in COLUMNS), FindingEvidenceRow.evidence)
                .outerjoin(FindingEvidenceRow, FindingEvidenceRow.finding_row == FindingRow.id)
                .where(FindingRow.review_id == review_id, FindingRow.finding_id == finding_id)
                .order_by(FindingRow.id)
                .limit(1)
            ).first()
        if row is None:
            raise StoreError(f"no finding {finding_id} in review {review_id}")
        found = {SHOWN.get(c, c): v for c, v in zip(COLUMNS, row, strict=False)}
        try:
            evidence = json.loads(row.evidence) if row.evidence else {}
        except ValueError as exc:
            raise StoreError(
                _damaged(review_id, f"the evidence of finding {finding_id} is not JSON")
            ) from exc
        if not isinstance(evidence, dict):
            raise StoreError(_damaged(review_id, f"the evidence of finding {finding_id} is not an object"))
        found["evidence"] = evidence
        return found

    def latest_per_workload(self) -> list[dict[str, Any]]:
        """The newest review of each workload with its summary columns and question risks."""
        with Session(self.store.engine) as session:
            newest = (
                select(ReviewRow.workload, func.max(ReviewRow.id).label("rid")).group_by(ReviewRow.workload)
            ).subquery()
            rows = session.execute(
                select(ReviewRow.id, ReviewRow.workload, ReviewRow.generated_at, ReviewRow.findings_failed)
                .join(newest, ReviewRow.id == newest.c.rid)
                .order_by(ReviewRow.workload)
            ).all()
            risks: dict[int, dict[str, str]] = {}
            for q in session.scalars(
                select(QuestionRow).where(QuestionRow.review_id.in_([r.id for r in rows]))
            ):
                risks.setdefault(q.review_id, {})[q.question] = q.risk
        return [
            {
                "id": r.id,
                "workload": r.workload,
                "generated_at": r.generated_at.isoformat(),
                "findings_failed": r.findings_failed,
                "questions": dict(sorted(risks.get(r.id, {}).items())),
            }
            for r in rows
        ]

    def latest_id(self, workload: str) -> int:
        """The newest review of a workload."""
        with Session(self.store.engine) as session:
            rid = session.scalar(select(func.max(ReviewRow.id)).where(ReviewRow.workload == workload))
        if rid is None:
            raise StoreError(f"no review of workload {workload!r}")
        return rid

    def findings(
        self,
        review_id: int,
        *,
        rules: list[str] | None = None,
        filters: dict[str, str] | None = None,
        page: int = 1,
        per_page: int = PAGE,
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total, one page) of a review's findings, filtered in SQL by rule list and column values."""
        conditions = [FindingRow.review_id == review_id]
        if rules is not None:
            conditions.append(FindingRow.rule.in_(rules))
        for name, value in (filters or {}).items():
            if name in FILTERS and value:
                conditions.append(getattr(FindingRow, name) == value)
        with Session(self.store.engine) as session:
            key = (
                review_id,
                self._stamp(session, review_id),
                tuple(rules) if rules is not None else None,
                tuple(sorted((filters or {}).items())),
            )
            with self._lock:
                total = self._counts.get(key)
            if total is None:  # a stored review never changes, so neither does a count of its findings
                total = session.scalar(select(func.count()).select_from(FindingRow).where(*conditions)) or 0
                with self._lock:
                    self._counts[key] = total
                    while len(self._counts) > 1024:
                        self._counts.popitem(last=False)
            rows = session.execute(
                select(*(getattr(FindingRow, c) for c in COLUMNS))
                .where(*conditions)
                .order_by(FindingRow.id)
                .offset((max(page, 1) - 1) * per_page)
                .limit(per_page)
            ).all()
            return total, [{SHOWN.get(c, c): v for c, v in zip(COLUMNS, row, strict=True)} for row in rows]

    def history(self, workload: str) -> list[dict[str, Any]]:
        """A workload's reviews, oldest first: when, and how many high- and medium-risk questions (no documents)."""
        with Session(self.store.engine) as session:
            rows = session.execute(
                select(
                    ReviewRow.id,
                    ReviewRow.generated_at,
                    ReviewRow.high_risk_questions,
                    ReviewRow.medium_risk_questions,
                )
                .where(ReviewRow.workload == workload)
                .order_by(ReviewRow.generated_at, ReviewRow.id)
            ).all()
        return [
            {
                "id": r.id,
                "generated_at": r.generated_at.isoformat(),
                "high_risk_questions": r.high_risk_questions,
                "medium_risk_questions": r.medium_risk_questions,
            }
            for r in rows
        ]

    def account_matrix(self, review_id: int) -> dict[str, dict[str, int]]:
        """Failing findings per account and question ({account: {question: count}}), from the outline's failing
        counts per account and rule (counted at save time)."""
        slim = self.slim(review_id)
        if slim.matrix is not None:
            return slim.matrix
        questions: dict[str, set[str]] = {}
        for q in slim.doc["questions"]:
            for bp in q["best_practices"]:
                for rule in bp.get("rules", []):
                    questions.setdefault(rule, set()).add(q["id"])
        matrix: dict[str, dict[str, int]] = {}
        for account, rule, count in slim.failing:
            cells = matrix.setdefault(account or "(none)", {})
            for qid in questions.get(rule, ()):
                cells[qid] = cells.get(qid, 0) + count
        slim.matrix = matrix
        return matrix

    def warm(self) -> None:
        """Read the outline of the latest review of each workload into the cache."""
        for latest in self.latest_per_workload():
            self.slim(latest["id"])

    def review_exists(self, review_id: int) -> bool:
        """True when a review with this id is stored."""
        with Session(self.store.engine) as session:
            return session.scalar(select(ReviewRow.id).where(ReviewRow.id == review_id)) is not None

    def milestones(self) -> list[dict[str, Any]]:
        """Every milestone, oldest first."""
        return self.store.milestones()
