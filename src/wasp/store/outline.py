"""What `wasp serve` reads of a stored review, split at save time so a first view never parses the whole document:
the finding columns the findings table holds, and the review's outline (the document without its findings, with
the facets and failing counts of its findings)."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

FACETS = ("account", "region", "resource_type")
"""Finding columns the question page filters on with a list of the review's values."""


def finding_columns(finding: Mapping[str, Any]) -> dict[str, Any]:
    """A document finding as the findings table stores it (without the review id)."""
    resource = finding["resource"]
    return {
        "finding_id": finding["id"],
        "rule": finding["rule"],
        "status": finding["status"],
        "severity": finding["severity"],
        "resource_type": resource["type"],
        "resource": resource.get("arn") or resource["id"],
        "message": finding["message"][:2000],
        "account": (resource.get("account") or "")[:40] or None,
        "region": (resource.get("region") or "")[:40] or None,
    }


def outline(review: Mapping[str, Any], rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The review without ``findings``, and of its finding ``rows`` (as finding_columns gives them): the rules,
    the distinct values of each facet, and the failing findings per account and rule."""
    rules: set[str] = set()
    facets: dict[str, set[str]] = {name: set() for name in FACETS}
    failing: Counter[tuple[str, str]] = Counter()
    for row in rows:
        rules.add(row["rule"])
        for name in FACETS:
            if row[name]:
                facets[name].add(row[name])
        if row["status"] == "fail":
            failing[(row["account"] or "", row["rule"])] += 1
    return {
        "review": {k: v for k, v in review.items() if k != "findings"},
        "rules": sorted(rules),
        "facets": {name: sorted(values) for name, values in facets.items()},
        "failing": [[account, rule, n] for (account, rule), n in sorted(failing.items())],
    }


def pack(value: Any) -> bytes:
    """JSON, gzip-compressed as the review document is (deterministic: no timestamp)."""
    return gzip.compress(json.dumps(value, separators=(",", ":")).encode(), mtime=0)


def unpack(blob: bytes) -> Any:
    """The value ``pack`` stored."""
    return json.loads(gzip.decompress(blob))


def evidence_text(finding: Mapping[str, Any]) -> str:
    """A finding's evidence as the finding_evidence table stores it (JSON; already redacted in the document)."""
    return json.dumps(finding.get("evidence") or {}, separators=(",", ":"))


def evidence_rows(
    findings: Sequence[Mapping[str, Any]], rows: Iterable[tuple[int, str]]
) -> Iterator[dict[str, Any]]:
    """A finding_evidence row for each stored finding row ``(row id, finding id)`` in row order: rows are written
    in document order, which is checked row by row (the finding id must match), with a lookup by finding id where
    it does not hold."""
    by_id: dict[str, Mapping[str, Any]] | None = None
    for position, (row_id, finding_id) in enumerate(rows):
        f = findings[position] if position < len(findings) else None
        if f is None or f.get("id") != finding_id:
            if by_id is None:
                by_id = {str(x.get("id")): x for x in findings}
            f = by_id.get(finding_id)
        if f is not None:
            yield {"finding_row": row_id, "evidence": evidence_text(f)}
