"""Improvement plan items: owner, status, due date, comment, versioned; accepting a risk creates waivers."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from wasp.attest.waivers import Waiver
from wasp.errors import InputError
from wasp.store.db import Store
from wasp.store.waivers import put_waiver

from .models import PlanItemRow
from .versions import latest_rows, next_version

STATUSES = ("open", "in_progress", "accepted_risk", "done")


def _row_dict(row: PlanItemRow) -> dict[str, Any]:
    return {
        "best_practice": row.best_practice,
        "version": row.version,
        "owner": row.owner,
        "status": row.status,
        "due": row.due.isoformat() if row.due else None,
        "comment": row.comment,
        "waiver": row.waiver_id,
        "by": row.actor,
        "at": row.at.isoformat(),
    }


def waiver_prefix(workload: str, practice: str) -> str:
    """The id prefix of the waivers a plan item's accepted risk stores (the workload is part of it)."""
    return f"plan-{workload}-{practice}"


def _waiver_id(prefix: str, rule: str, account: str) -> str:
    """``PREFIX-RULE-ACCOUNT``, or within the store's 100 characters a shortened one with a digest of the whole."""
    whole = f"{prefix}-{rule}" if account == "*" else f"{prefix}-{rule}-{account}"
    if len(whole) <= 100:
        return whole
    digest = hashlib.sha256(whole.encode()).hexdigest()[:16]
    return f"{whole[:83]}-{digest}"


def record_item(
    store: Store,
    *,
    workload: str,
    practice: str,
    owner: str,
    status: str,
    actor: str,
    due: date | None = None,
    comment: str = "",
    rules: tuple[str, ...] = (),
    waiver_reason: str = "",
    waiver_expires: date | None = None,
    accounts: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Save the next version of a plan item; ``accepted_risk`` also stores one waiver per rule of the item.

    The waivers are scoped to the review's ``accounts`` (one per rule and account), so accepting a risk in one
    workload never waives the same rule in another workload's accounts; a review with no account (templates only)
    gets rule-wide waivers. Their ids name the workload, so two workloads never overwrite each other's.
    """
    if status not in STATUSES:
        raise InputError(f"status {status!r}: use one of {', '.join(STATUSES)}")
    if not owner.strip():
        raise InputError("a plan item needs an owner")
    waiver_id = None
    if status == "accepted_risk":
        if len(waiver_reason.strip()) < 10 or waiver_expires is None:
            raise InputError("accepting a risk needs a reason (10 characters or more) and an expiry date")
        if waiver_expires <= datetime.now(UTC).date():
            raise InputError("the waiver's expiry must be in the future")
        if not rules:
            raise InputError(f"{practice} has no failing rule to waive")
        waiver_id = waiver_prefix(workload, practice)
        for rule in rules:
            for account in accounts or ("*",):
                put_waiver(
                    store,
                    Waiver(
                        id=_waiver_id(waiver_id, rule, account),
                        owner=owner.strip(),
                        reason=waiver_reason.strip(),
                        expires=waiver_expires,
                        rule=rule,
                        account=account,
                    ),
                    actor,
                )
    with Session(store.writer) as session, session.begin():
        row = PlanItemRow(
            workload=workload,
            best_practice=practice,
            version=next_version(session, PlanItemRow, workload, practice),
            owner=owner.strip(),
            status=status,
            due=due,
            comment=comment,
            waiver_id=waiver_id,
            actor=actor,
            at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
        return _row_dict(row)


def current_items(store: Store, workload: str) -> dict[str, dict[str, Any]]:
    """The latest version of each plan item of a workload."""
    with Session(store.engine) as session:
        return {r.best_practice: _row_dict(r) for r in latest_rows(session, PlanItemRow, workload)}
