"""The review JSON itself (wasp.review/1)."""

from __future__ import annotations

import json
from typing import IO, Any


class JsonReporter:
    """Pretty-printed review JSON."""

    name = "json"
    extension = "json"
    filename = "review.json"
    description = "the review as JSON (the wasp.review/1 contract)"

    def render(self, review: dict[str, Any], out: IO[str]) -> None:
        """Write the document unchanged."""
        json.dump(review, out, indent=2)
        out.write("\n")


REPORTER = JsonReporter()
