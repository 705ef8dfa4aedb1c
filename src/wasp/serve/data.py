"""What the pages and the API read: reviews (their slim part cached: a stored review never changes), the
latest review per workload, and findings filtered and paginated in SQL so a 100k-finding review stays fast."""

from __future__ import annotations

import gzip
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from wasp.store.db import Store, StoreError
from wasp.store.models import FindingRow, QuestionRow, ReviewRow

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
EVIDENCE_REVIEWS = 4
"""Reviews whose findings' evidence is kept in memory (a 100k-finding review's evidence is tens of MB)."""
SEVERITIES = ("critical", "high", "medium", "low", "informational")


@dataclass
class Slim:
    """A review without its findings: questions, plan, summary, scope; and the facets of its findings."""

    id: int
    doc: dict[str, Any]
    facets: dict[str, list[str]] = field(default_factory=dict)
    matrix: dict[str, dict[str, int]] | None = None
    """Failing findings per account and question, once asked for."""


class Reviews:
    """Reads from the store, with an LRU of slim reviews (stored reviews are immutable)."""

    def __init__(self, store: Store, size: int = 32) -> None:
        self.store = store
        self._cache: OrderedDict[int, Slim] = OrderedDict()
        self._counts: OrderedDict[tuple[Any, ...], int] = OrderedDict()
        self._evidence: OrderedDict[int, dict[str, tuple[int, Any]]] = OrderedDict()
        self._first_row: dict[int, int] = {}
        self._size = size
        self._lock = threading.Lock()

    def slim(self, review_id: int) -> Slim:
        """The review without findings (404-style StoreError when there is none)."""
        with self._lock:
            hit = self._cache.get(review_id)
            if hit is not None:
                self._cache.move_to_end(review_id)
                return hit
        with Session(self.store.engine) as session:
            blob = session.scalar(select(ReviewRow.document).where(ReviewRow.id == review_id))
            if blob is None:
                raise StoreError(f"no review {review_id}")
            facets = {
                name: sorted(
                    v
                    for v in session.scalars(
                        select(getattr(FindingRow, name)).where(FindingRow.review_id == review_id).distinct()
                    )
                    if v
                )
                for name in ("account", "region", "resource_type")
            }
        doc = json.loads(gzip.decompress(blob))
        rules = {f["rule"] for f in doc.get("findings", ())}
        self._keep_evidence(review_id, doc)
        doc["findings"] = []
        doc["_finding_rules"] = sorted(rules)
        slim = Slim(review_id, doc, facets)
        with self._lock:
            self._cache[review_id] = slim
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return slim

    def _keep_evidence(self, review_id: int, doc: dict[str, Any]) -> None:
        """Keep the evidence of the review's findings (by finding id, with the finding's position in the
        document) for the last few reviews whose document was read, so a finding's detail page needs no second
        read of a big document."""
        evidence = {
            str(f.get("id")): (i, f.get("evidence", {}))
            for i, f in enumerate(doc.get("findings", ()))
            if isinstance(f, dict)
        }
        with self._lock:
            self._evidence[review_id] = evidence
            while len(self._evidence) > EVIDENCE_REVIEWS:
                self._evidence.popitem(last=False)

    def _kept(self, review_id: int) -> dict[str, tuple[int, Any]]:
        with self._lock:
            kept = self._evidence.get(review_id)
            if kept is not None:
                self._evidence.move_to_end(review_id)
                return kept
            self._cache.pop(
                review_id, None
            )  # read the document again: slim() parses it and keeps the evidence
        self.slim(review_id)
        with self._lock:
            return self._evidence.get(review_id, {})

    def finding(self, review_id: int, finding_id: str) -> dict[str, Any]:
        """One finding's columns and the evidence its rule recorded (already redacted in the review document);
        StoreError when the review has no such finding."""
        kept = self._kept(review_id)
        position, evidence = kept.get(finding_id, (None, {}))
        columns = select(*(getattr(FindingRow, c) for c in COLUMNS))
        with Session(self.store.engine) as session:
            row = None
            if position is not None:  # findings are stored in document order: try the row by primary key
                first = self._first_row.get(review_id)
                if first is None:
                    first = session.scalar(
                        select(func.min(FindingRow.id)).where(FindingRow.review_id == review_id)
                    )
                    if first is not None:
                        self._first_row[review_id] = first  # a stored review's rows never change
                if first is not None:
                    row = session.execute(
                        columns.where(FindingRow.id == first + position, FindingRow.review_id == review_id)
                    ).first()
            if row is None or row.finding_id != finding_id:
                row = session.execute(
                    columns.where(FindingRow.review_id == review_id, FindingRow.finding_id == finding_id)
                ).first()
        if row is None:
            raise StoreError(f"no finding {finding_id} in review {review_id}")
        found = {SHOWN.get(c, c): v for c, v in zip(COLUMNS, row, strict=True)}
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
        key = (review_id, tuple(rules) if rules is not None else None, tuple(sorted((filters or {}).items())))
        with self._lock:
            total = self._counts.get(key)
        with Session(self.store.engine) as session:
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
        """Failing findings per account and question ({account: {question: count}}), grouped in SQL."""
        slim = self.slim(review_id)
        if slim.matrix is not None:
            return slim.matrix
        questions: dict[str, set[str]] = {}
        for q in slim.doc["questions"]:
            for bp in q["best_practices"]:
                for rule in bp.get("rules", []):
                    questions.setdefault(rule, set()).add(q["id"])
        matrix: dict[str, dict[str, int]] = {}
        with Session(self.store.engine) as session:
            rows = session.execute(
                select(FindingRow.account, FindingRow.rule, func.count())
                .where(FindingRow.review_id == review_id, FindingRow.status == "fail")
                .group_by(FindingRow.account, FindingRow.rule)
            ).all()
        for account, rule, count in rows:
            cells = matrix.setdefault(account or "(none)", {})
            for qid in questions.get(rule, ()):
                cells[qid] = cells.get(qid, 0) + count
        slim.matrix = matrix
        return matrix

    def warm(self) -> None:
        """Read the latest review of each workload into the cache (the first view of a big one is slow)."""
        for latest in self.latest_per_workload():
            self.slim(latest["id"])

    def review_exists(self, review_id: int) -> bool:
        """True when a review with this id is stored."""
        with Session(self.store.engine) as session:
            return session.get(ReviewRow, review_id) is not None

    def milestones(self) -> list[dict[str, Any]]:
        """Every milestone, oldest first."""
        return self.store.milestones()
