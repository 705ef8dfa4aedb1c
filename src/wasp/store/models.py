"""Tables: reviews (saved whole, plus queryable summaries), findings, question risks, milestones."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column


class Base(DeclarativeBase):
    """Declarative base for wasp's tables."""


class ReviewRow(Base):
    """One review: its summary as columns, the whole wasp.review/1 document gzip-compressed."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workload: Mapped[str] = mapped_column(String(200), index=True)
    generated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    catalogue_version: Mapped[str] = mapped_column(String(40))
    high_risk_questions: Mapped[int] = mapped_column(Integer)
    medium_risk_questions: Mapped[int] = mapped_column(Integer)
    practices_met: Mapped[int] = mapped_column(Integer)
    practices_not_met: Mapped[int] = mapped_column(Integer)
    findings_failed: Mapped[int] = mapped_column(Integer)
    document: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    """The whole wasp.review/1 document (read only when asked for: it is megabytes for a big review)."""
    outline: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    """What the pages read (store/outline.py): the document without findings, and its findings' facets; gzip JSON."""


class FindingRow(Base):
    """One finding of a review (for queries across reviews; the document stays the source of truth)."""

    __tablename__ = "findings"
    __table_args__ = (
        Index("ix_findings_review_status", "review_id", "status"),
        Index("ix_findings_review_finding", "review_id", "finding_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    finding_id: Mapped[str] = mapped_column(String(20))
    rule: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10))
    severity: Mapped[str] = mapped_column(String(15))
    resource_type: Mapped[str] = mapped_column(String(100))
    resource: Mapped[str] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)
    account: Mapped[str | None] = mapped_column(String(40), nullable=True)
    region: Mapped[str | None] = mapped_column(String(40), nullable=True)


class FindingEvidenceRow(Base):
    """The evidence a finding's rule recorded (JSON, redacted as in the document), keyed by the finding's row, so
    a finding's page reads one row and the findings table stays narrow for filtering."""

    __tablename__ = "finding_evidence"

    finding_row: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    evidence: Mapped[str] = mapped_column(Text)


class QuestionRow(Base):
    """A question's risk in a review (for history)."""

    __tablename__ = "question_risks"

    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    question: Mapped[str] = mapped_column(String(5), primary_key=True)
    risk: Mapped[str] = mapped_column(String(20))
    incomplete: Mapped[bool] = mapped_column()


class MilestoneRow(Base):
    """A named point in a workload's history (the Well-Architected Tool's milestones)."""

    __tablename__ = "milestones"
    __table_args__ = (UniqueConstraint("workload", "name", name="uq_milestone_workload_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workload: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class WaiverRow(Base):
    """A stored waiver (accepted risk)."""

    __tablename__ = "waivers"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    rule: Mapped[str] = mapped_column(String(200))
    resource: Mapped[str] = mapped_column(Text)
    account: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(40))
    tags: Mapped[str] = mapped_column(Text)
    """JSON object."""
    owner: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    expires: Mapped[date] = mapped_column(Date)


class WaiverEventRow(Base):
    """Every change to a waiver: who, when, what (before and after, as JSON)."""

    __tablename__ = "waiver_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    waiver_id: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    before: Mapped[str | None] = mapped_column(Text, nullable=True)
    after: Mapped[str | None] = mapped_column(Text, nullable=True)
