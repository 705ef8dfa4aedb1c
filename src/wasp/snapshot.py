"""Snapshots: a collected inventory (resources, gaps, what was collected) saved for an offline review.

An external reviewer reviews the snapshot later with no credentials. The file is gzip-compressed JSON with
sorted keys and a zero gzip timestamp, so the same inventory always gives the same bytes; unknown values
survive the round trip as markers. Values of secret-named tags (``api_token``, ``DB_PASSWORD``) are not saved.

Since ``wasp.snapshot/2`` a snapshot also carries the review context it was collected with: the whole workload
definition (stakeholders, break-glass principals, pipeline, classification, security contact, ...) and the
waivers and attestations its files held, so ``wasp review --snapshot`` decides as the live review would
(docs/workload.md, "Snapshots"). A ``wasp.snapshot/1`` file is still read; it has no context.
"""

from __future__ import annotations

import gzip
import json
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from wasp.errors import InputError
from wasp.limits import FileKind, max_bytes, read_bytes, too_large
from wasp.model import Gap, Inventory, Origin, OriginKind, Resource, Unresolved
from wasp.model.redact import redact_tags
from wasp.workload.context import ReviewContext, context_dict, context_from_dict

SCHEMA = "wasp.snapshot/2"
READABLE = ("wasp.snapshot/1", SCHEMA)
"""Schemas this version reads: /1 has no review context (only the workload's name, accounts and regions)."""
_UNRESOLVED = "__wasp_unresolved__"


@dataclass(frozen=True)
class Snapshot:
    """An inventory and how it was collected."""

    inventory: Inventory
    collected_at: datetime
    workload: str
    accounts: tuple[str, ...]
    regions: tuple[str, ...]
    api_calls: int = 0
    context: ReviewContext | None = None
    """The whole workload definition, waivers and attestations; None when not saved (a /1 snapshot)."""


def _encode(value: Any) -> Any:
    if isinstance(value, Unresolved):
        return {_UNRESOLVED: value.reason}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_UNRESOLVED}:
            return Unresolved(str(value[_UNRESOLVED]))
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def snapshot_dict(snap: Snapshot) -> dict[str, Any]:
    """The snapshot as JSON-ready data."""
    inv = snap.inventory
    return {
        "schema": SCHEMA,
        "collected_at": snap.collected_at.isoformat(),
        "workload": snap.workload,
        "accounts": list(snap.accounts),
        "regions": list(snap.regions),
        "api_calls": snap.api_calls,
        "collected_types": sorted(inv.collected_types),
        "resources": [
            {
                "type": r.type,
                "id": r.id,
                "arn": r.arn,
                "origin": {k: v for k, v in vars(r.origin).items() if v is not None}
                | {"kind": r.origin.kind.value},
                "properties": _encode(redact_tags(r.properties)),
            }
            for r in inv
        ],
        "gaps": [{k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(g).items()} for g in inv.gaps],
        "context": None if snap.context is None else context_dict(snap.context),
    }


def save_snapshot(snap: Snapshot, path: Path) -> Path:
    """Write the snapshot (atomically); gzip when the name ends in .gz."""
    data = json.dumps(snapshot_dict(snap), sort_keys=True, separators=(",", ":")).encode()
    if path.suffix == ".gz":
        data = gzip.compress(data, mtime=0)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return path


def _gunzip(raw: bytes, path: Path) -> bytes:
    """Decompress every gzip member, refusing more than the snapshot cap of output (a gzip bomb stops early)."""
    cap = max_bytes(FileKind.SNAPSHOT)
    out = bytearray()
    data = raw
    while data:
        inflater = zlib.decompressobj(wbits=31)
        out += inflater.decompress(data, cap + 1 - len(out))
        if len(out) > cap:
            raise too_large(path, FileKind.SNAPSHOT, None, "snapshot (decompressed)")
        if not inflater.eof:
            if inflater.unconsumed_tail:
                raise too_large(path, FileKind.SNAPSHOT, None, "snapshot (decompressed)")
            raise EOFError("truncated gzip stream")
        data = inflater.unused_data
    return bytes(out)


def load_snapshot(path: Path) -> Snapshot:
    """Read a snapshot; a missing, corrupt, foreign or oversized file is one clear error."""
    raw = read_bytes(path, FileKind.SNAPSHOT, "snapshot")
    try:
        text = _gunzip(raw, path) if raw[:2] == b"\x1f\x8b" else raw
        doc = json.loads(text)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(
            f"{path}: snapshot is corrupt (gzip: {exc.__class__.__name__}); collect it again"
        ) from exc
    except RecursionError as exc:
        raise InputError(f"{path}: snapshot nests too deeply; collect it again") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: snapshot is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            "collect it again"
        ) from exc
    except ValueError as exc:
        raise InputError(
            f"{path}: snapshot is not valid JSON ({exc.__class__.__name__}); collect it again"
        ) from exc
    if not isinstance(doc, dict) or doc.get("schema") not in READABLE:
        raise InputError(f'{path}: not a wasp snapshot (expected "schema": "{SCHEMA}")')
    try:
        inventory = Inventory()
        for r in doc["resources"]:
            origin = dict(r["origin"])
            kind = OriginKind(origin.pop("kind"))
            inventory.add(
                Resource(
                    r["type"], r["id"], _decode(r["properties"]), Origin(kind=kind, **origin), r.get("arn")
                )
            )
        inventory.mark_collected(*doc["collected_types"])
        for g in doc["gaps"]:
            inventory.add_gap(
                Gap(
                    **{
                        **g,
                        "resource_types": tuple(g.get("resource_types", ())),
                        "rules": tuple(g.get("rules", ())),
                    }
                )
            )
        return Snapshot(
            inventory,
            datetime.fromisoformat(doc["collected_at"]),
            doc["workload"],
            tuple(doc["accounts"]),
            tuple(doc["regions"]),
            int(doc.get("api_calls", 0)),
            None
            if doc["schema"] != SCHEMA or doc.get("context") is None
            else context_from_dict(doc["context"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{path}: snapshot is damaged ({exc.__class__.__name__}); collect it again") from exc
