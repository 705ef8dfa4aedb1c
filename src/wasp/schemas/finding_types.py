"""The review's findings as msgspec types: decode-time validation of the bulk of a large review.

A 100k-finding review is almost all findings. Checking them with msgspec (compiled C, constraints declared on
the types) takes about half a second where the generated JSON-Schema validator takes one to two; everything else
in the document is small and is still checked by the schema's own validator (wasp.schemas.validate).

These types must accept only what the wasp.review/1 schema accepts for a finding
(tests/test_review_load.py checks this against the jsonschema library on mutated findings); where they are
stricter (a float line number), the caller falls back to the schema's validator, so the schema stays the one
contract.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, NotRequired, TypedDict

import msgspec

from wasp.report.doc_types import ResourceDoc

FINDING_ID = "^f-[0-9a-f]{16}$"
"""The schema's pattern for a finding id."""

SOURCE = "^[a-z][a-z0-9_-]*$"
"""The schema's pattern for a finding's source (``rule``, ``guardduty``, ...)."""


class CheckedFinding(TypedDict):
    """A finding, with the schema's enums, pattern and minimum length as msgspec constraints."""

    id: Annotated[str, msgspec.Meta(pattern=FINDING_ID)]
    rule: str
    best_practices: Annotated[list[str], msgspec.Meta(min_length=1)]
    status: Literal["pass", "fail", "unknown", "waived"]
    severity: Literal["critical", "high", "medium", "low", "informational"]
    resource: ResourceDoc
    message: str
    evidence: dict[str, Any]
    observed_at: NotRequired[str]
    public_exposure: NotRequired[bool]
    waiver: NotRequired[str | None]
    source: NotRequired[Annotated[str, msgspec.Meta(pattern=SOURCE)]]


def findings_valid(findings: object) -> bool:
    """True when ``findings`` is a list of findings the schema accepts (False: let the schema's validator say why)."""
    try:
        msgspec.convert(findings, list[CheckedFinding], strict=True)
    except msgspec.ValidationError:
        return False
    return True
