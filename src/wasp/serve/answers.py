"""The questionnaire: answers for attested and hybrid practices, versioned (who, when), with optional uploads,
and their export as a wasp.attestations/1 file that the next review reads."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wasp.errors import InputError
from wasp.model import Answer, NAReason
from wasp.store.db import Store, StoreError

from .models import AnswerRow, UploadRow
from .versions import latest_rows, next_version

MAX_UPLOAD = 5 * 1024 * 1024
"""Bytes an evidence file may have."""
UPLOAD_TYPES = {
    "application/pdf": b"%PDF",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff",
    "text/plain": b"",
}
"""Accepted evidence types and the bytes such a file starts with (a file is checked, not its label)."""
PRACTICE = re.compile(r"^SEC(0[1-9]|1[01])-BP(0[1-9]|1[0-9])$")


@dataclass(frozen=True)
class Upload:
    """An evidence file as received."""

    filename: str
    content_type: str
    data: bytes


def check_upload(upload: Upload) -> None:
    """Refuse a file that is too large, of a type not accepted, or whose content is not what it claims."""
    if len(upload.data) > MAX_UPLOAD:
        raise InputError(
            f"{upload.filename}: larger than {MAX_UPLOAD // (1024 * 1024)} MiB; link to it instead"
        )
    magic = UPLOAD_TYPES.get(upload.content_type)
    if magic is None:
        raise InputError(
            f"{upload.filename}: type {upload.content_type} is not accepted (PDF, PNG, JPEG, text)"
        )
    if not upload.data.startswith(magic):
        raise InputError(f"{upload.filename}: its content is not {upload.content_type}")
    if upload.content_type == "text/plain":
        try:
            upload.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{upload.filename}: not UTF-8 text") from exc


def _row_dict(row: AnswerRow) -> dict[str, Any]:
    return {
        "best_practice": row.best_practice,
        "version": row.version,
        "answer": row.answer,
        "reason": row.reason,
        "evidence": json.loads(row.evidence),
        "notes": row.notes,
        "expires": row.expires.isoformat() if row.expires else None,
        "upload": row.upload_id,
        "by": row.actor,
        "at": row.at.isoformat(),
    }


def validate_answer(answer: str, reason: str | None, evidence: list[str], expires: date | None) -> None:
    """The rules of an attestation file, so an answer always exports to a valid one."""
    try:
        value = Answer(answer)
    except ValueError as exc:
        raise InputError(f"answer {answer!r}: use yes, no, partial or not_applicable") from exc
    if value is Answer.YES and not evidence:
        raise InputError("evidence is required when the answer is yes (a link, text or a file)")
    if value is Answer.NOT_APPLICABLE and reason not in {r.value for r in NAReason}:
        raise InputError(
            "a reason is required for not applicable: out_of_scope, business_priorities, "
            "architecture_constraints or other"
        )
    if expires is not None and expires < datetime.now(UTC).date():
        raise InputError("expires is in the past")


def record_answer(
    store: Store,
    *,
    workload: str,
    practice: str,
    answer: str,
    actor: str,
    reason: str | None = None,
    evidence: list[str] | None = None,
    notes: str = "",
    expires: date | None = None,
    upload: Upload | None = None,
) -> dict[str, Any]:
    """Save the next version of a practice's answer (and its file); returns it."""
    if not PRACTICE.match(practice):
        raise InputError(f"{practice!r} is not a best-practice id")
    items = [e.strip() for e in (evidence or []) if e.strip()]
    if upload is not None:
        check_upload(upload)
        items.append(f"uploaded file {upload.filename}")
    validate_answer(answer, reason if answer == "not_applicable" else None, items, expires)
    now = datetime.now(UTC)
    with Session(store.writer) as session, session.begin():
        upload_id = None
        if upload is not None:
            file = UploadRow(
                workload=workload,
                best_practice=practice,
                filename=upload.filename[:200],
                content_type=upload.content_type,
                size=len(upload.data),
                sha256=hashlib.sha256(upload.data).hexdigest(),
                data=upload.data,
                actor=actor,
                at=now,
            )
            session.add(file)
            session.flush()
            upload_id = file.id
        row = AnswerRow(
            workload=workload,
            best_practice=practice,
            version=next_version(session, AnswerRow, workload, practice),
            answer=answer,
            reason=reason if answer == "not_applicable" else None,
            evidence=json.dumps(items),
            notes=notes,
            expires=expires,
            upload_id=upload_id,
            actor=actor,
            at=now,
        )
        session.add(row)
        session.flush()
        return _row_dict(row)


def current_answers(store: Store, workload: str) -> dict[str, dict[str, Any]]:
    """The latest answer per best practice of a workload."""
    with Session(store.engine) as session:
        return {r.best_practice: _row_dict(r) for r in latest_rows(session, AnswerRow, workload)}


def answer_history(store: Store, workload: str, practice: str) -> list[dict[str, Any]]:
    """Every version of a practice's answer, newest first."""
    with Session(store.engine) as session:
        rows = session.scalars(
            select(AnswerRow)
            .where(AnswerRow.workload == workload, AnswerRow.best_practice == practice)
            .order_by(AnswerRow.version.desc())
        )
        return [_row_dict(r) for r in rows]


def recent_history(
    store: Store, workload: str, practices: list[str], limit: int = 5
) -> dict[str, list[dict[str, Any]]]:
    """The last ``limit`` versions of each practice's answer, newest first, in one query."""
    out: dict[str, list[dict[str, Any]]] = {p: [] for p in practices}
    with Session(store.engine) as session:
        rows = session.scalars(
            select(AnswerRow)
            .where(AnswerRow.workload == workload, AnswerRow.best_practice.in_(practices))
            .order_by(AnswerRow.best_practice, AnswerRow.version.desc())
        )
        for r in rows:
            if len(out[r.best_practice]) < limit:
                out[r.best_practice].append(_row_dict(r))
    return out


def get_upload(store: Store, upload_id: int) -> UploadRow:
    """An uploaded file (the caller checks the user may read its workload)."""
    with Session(store.engine) as session:
        row = session.get(UploadRow, upload_id)
        if row is None:
            raise StoreError(f"no upload {upload_id}")
        session.expunge(row)
        return row


def export_attestations(store: Store, workload: str) -> dict[str, Any]:
    """The current answers as a wasp.attestations/1 document (validated by its model)."""
    from wasp.attest.schema import AttestationFile

    entries: dict[str, Any] = {}
    for bp, a in sorted(current_answers(store, workload).items()):
        entry: dict[str, Any] = {"answer": a["answer"], "owner": a["by"], "date": a["at"][:10]}
        if a["expires"]:
            entry["expires"] = a["expires"]
        if a["evidence"]:
            entry["evidence"] = a["evidence"]
        if a["reason"]:
            entry["reason"] = a["reason"]
        if a["notes"]:
            entry["notes"] = a["notes"]
        entries[bp] = entry
    doc = {"schema": "wasp.attestations/1", "workload": workload, "attestations": entries}
    AttestationFile.model_validate(doc)
    return doc
