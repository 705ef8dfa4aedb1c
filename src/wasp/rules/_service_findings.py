"""Reading a security service's own findings, as its collector left them on a resource, into evidence.

The collector stores short summaries (``Supplementary.Findings``) and whether it stopped at the workload's cap
(``Supplementary.FindingsCapped``). Rules read them here rather than through ``view.get``, so the evidence is
what matters (counts, the failing finding ids, their types and resources), not a thousand summaries; an
unknown or missing list still makes the verdict unknown, never a pass.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wasp.model import Unresolved
from wasp.model.rule import ResourceView, UnresolvedRead, contains_unresolved, lookup

FINDINGS = "Supplementary.Findings"
CAPPED = "Supplementary.FindingsCapped"
LISTED = 20
"""Finding ids named in a message; the evidence holds up to EVIDENCE_IDS."""
EVIDENCE_IDS = 100


@dataclass(frozen=True)
class ServiceFindings:
    """The findings a collector read for one resource, and whether more were left unread at the cap."""

    items: tuple[Mapping[str, Any], ...]
    capped: bool


def _known(view: ResourceView, path: str, what: str) -> Any:
    value = lookup(view.resource.properties, path)
    bad = contains_unresolved(value)
    if bad is not None:
        view.note(path, repr(bad))
        raise UnresolvedRead(path, bad)
    if value is None:
        marker = Unresolved(f"{what} were not collected (an older snapshot, or not a live resource)")
        view.note(path, None)
        raise UnresolvedRead(path, marker)
    return value


def service_findings(view: ResourceView, what: str) -> ServiceFindings:
    """The findings on the resource; raises :class:`UnresolvedRead` (an unknown verdict) if they were not read."""
    items = _known(view, FINDINGS, what)
    capped = _known(view, CAPPED, what)
    if not isinstance(items, list):
        raise UnresolvedRead(FINDINGS, Unresolved(f"{what} are not a list"))
    view.note("findings_read", len(items))
    view.note("findings_capped", bool(capped))
    return ServiceFindings(tuple(i for i in items if isinstance(i, Mapping)), bool(capped))


def note_failing(view: ResourceView, failing: Iterable[Mapping[str, Any]], kind: str = "Type") -> list[str]:
    """Record the failing findings' ids, kinds and linked resources as evidence; their ids, in order."""
    items = list(failing)
    ids = [str(f.get("Id")) for f in items]
    view.note("failing_finding_ids", ids[:EVIDENCE_IDS])
    view.note("failing_by_kind", dict(Counter(str(f.get(kind)) for f in items).most_common()))
    view.note("linked_resources", resources(items)[:EVIDENCE_IDS])
    return ids


def resources(items: Iterable[Mapping[str, Any]]) -> list[str]:
    """The distinct resources the findings name, as ``Type/Id``."""
    out: list[str] = []
    for f in items:
        r = f.get("Resource")
        if isinstance(r, Mapping) and r.get("Id"):
            ref = f"{r.get('Type')}/{r.get('Id')}"
            if ref not in out:
                out.append(ref)
    return out


def kinds(items: Iterable[Mapping[str, Any]], kind: str = "Type", shown: int = 3) -> str:
    """``2 x Recon:EC2/PortProbeUnprotectedPort, 1 x ...`` for a message (the most frequent first)."""
    counted = Counter(str(f.get(kind)) for f in items).most_common()
    text = ", ".join(f"{n} x {k}" for k, n in counted[:shown])
    return text + (f" and {len(counted) - shown} more kind(s)" if len(counted) > shown else "")


def named(ids: list[str]) -> str:
    """The first finding ids, for a message."""
    more = f" and {len(ids) - LISTED} more" if len(ids) > LISTED else ""
    return ", ".join(ids[:LISTED]) + more


def capped_note(capped: bool, cap_setting: int) -> str:
    """What a message says when reading stopped at the cap."""
    if not capped:
        return ""
    return (
        f"; reading stopped at the cap of {cap_setting} findings, so there may be more "
        "(raise findings.max_findings_per_service in the workload file)"
    )
