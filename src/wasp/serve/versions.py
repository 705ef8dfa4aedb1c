"""Versioned rows (answers, plan items): each change is a new row with the next version of its workload's best
practice, and the latest version is the current state."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import AnswerRow, PlanItemRow

Versioned = TypeVar("Versioned", AnswerRow, PlanItemRow)


def next_version(session: Session, table: type[Versioned], workload: str, practice: str) -> int:
    """The version the next row of a workload's best practice takes (1 for the first); read in the writing
    transaction, whose unique (workload, best practice, version) constraint refuses a concurrent duplicate."""
    last = session.scalar(
        select(func.max(table.version)).where(table.workload == workload, table.best_practice == practice)
    )
    return (last or 0) + 1


def latest_rows(session: Session, table: type[Versioned], workload: str) -> Sequence[Versioned]:
    """The latest version of each best practice's row of a workload."""
    latest = (
        select(table.best_practice, func.max(table.version).label("v"))
        .where(table.workload == workload)
        .group_by(table.best_practice)
        .subquery()
    )
    return session.scalars(
        select(table)
        .join(latest, (table.best_practice == latest.c.best_practice) & (table.version == latest.c.v))
        .where(table.workload == workload)
    ).all()
