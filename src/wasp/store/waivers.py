"""Waivers kept in the store, with every change recorded (who, when, before, after)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wasp.attest.waivers import Waiver
from wasp.store.db import Store, StoreError
from wasp.store.models import WaiverEventRow, WaiverRow


def _as_dict(w: WaiverRow | Waiver) -> dict[str, Any]:
    tags = json.loads(w.tags) if isinstance(w, WaiverRow) else dict(w.tags)
    return {
        "id": w.id,
        "rule": w.rule,
        "resource": w.resource,
        "account": w.account,
        "region": w.region,
        "tags": tags,
        "owner": w.owner,
        "reason": w.reason,
        "expires": w.expires.isoformat(),
    }


def put_waiver(store: Store, waiver: Waiver, actor: str) -> str:
    """Create or update a waiver; returns 'created', 'updated' or 'unchanged'. Each change is recorded."""
    after = _as_dict(waiver)
    with Session(store.writer) as session, session.begin():
        row = session.get(WaiverRow, waiver.id)
        before = _as_dict(row) if row is not None else None
        if before == after:
            return "unchanged"
        if row is None:
            row = WaiverRow(id=waiver.id)
            session.add(row)
        row.rule, row.resource, row.account, row.region = (
            waiver.rule,
            waiver.resource,
            waiver.account,
            waiver.region,
        )
        row.tags, row.owner, row.reason, row.expires = (
            json.dumps(dict(waiver.tags)),
            waiver.owner,
            waiver.reason,
            waiver.expires,
        )
        action = "created" if before is None else "updated"
        session.add(
            WaiverEventRow(
                waiver_id=waiver.id,
                action=action,
                actor=actor,
                at=datetime.now(UTC),
                before=json.dumps(before) if before else None,
                after=json.dumps(after),
            )
        )
        return action


def remove_waiver(store: Store, waiver_id: str, actor: str) -> None:
    """Delete a waiver (its findings fail again from the next review); the removal is recorded."""
    with Session(store.writer) as session, session.begin():
        row = session.get(WaiverRow, waiver_id)
        if row is None:
            raise StoreError(f"no waiver {waiver_id!r} (see `wasp waiver list`)")
        session.add(
            WaiverEventRow(
                waiver_id=waiver_id,
                action="removed",
                actor=actor,
                at=datetime.now(UTC),
                before=json.dumps(_as_dict(row)),
                after=None,
            )
        )
        session.delete(row)


def stored_waivers(store: Store) -> list[Waiver]:
    """Every stored waiver (expired ones included: the engine ignores them and the review lists them)."""
    with Session(store.engine) as session:
        return [
            Waiver(
                r.id,
                r.owner,
                r.reason,
                r.expires,
                r.rule,
                r.resource,
                r.account,
                r.region,
                json.loads(r.tags),
                f"database waiver {r.id}",
            )
            for r in session.scalars(select(WaiverRow).order_by(WaiverRow.id))
        ]


def waiver_events(store: Store, waiver_id: str | None = None) -> list[dict[str, Any]]:
    """The audit trail, oldest first."""
    with Session(store.engine) as session:
        query = select(WaiverEventRow).order_by(WaiverEventRow.id)
        if waiver_id:
            query = query.where(WaiverEventRow.waiver_id == waiver_id)
        return [
            {
                "waiver": e.waiver_id,
                "action": e.action,
                "actor": e.actor,
                "at": e.at.isoformat(),
                "before": json.loads(e.before) if e.before else None,
                "after": json.loads(e.after) if e.after else None,
            }
            for e in session.scalars(query)
        ]
