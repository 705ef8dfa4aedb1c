"""The review JSON itself (wasp.review/1)."""

from __future__ import annotations

from typing import IO

from wasp.report.doc_types import ReviewDoc
from wasp.report.document import review_json


class JsonReporter:
    """Pretty-printed review JSON."""

    name = "json"
    extension = "json"
    filename = "review.json"
    binary = False
    description = "the review as JSON (the wasp.review/1 contract)"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write the document unchanged."""
        out.write(review_json(review))


REPORTER = JsonReporter()
