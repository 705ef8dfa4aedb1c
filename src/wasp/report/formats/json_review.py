"""The review JSON itself (wasp.review/1)."""

from __future__ import annotations

import json
from typing import IO, Any


class JsonReporter:
    """Pretty-printed review JSON."""

    name = "json"
    extension = "json"
    filename = "review.json"
    binary = False
    description = "the review as JSON (the wasp.review/1 contract)"

    def render(self, review: dict[str, Any], out: IO[str]) -> None:
        """Write the document unchanged."""
        big = len(review.get("findings", [])) > 10_000  # indentation costs seconds at 100k findings
        # one json.dumps (the C encoder, in one go) is about 4x faster than streaming json.dump
        out.write(json.dumps(review, indent=None if big else 2, separators=(",", ":") if big else None))
        out.write("\n")


REPORTER = JsonReporter()
