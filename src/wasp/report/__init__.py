"""Reports rendered from a review."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wasp.report.document import review_dict, write_review
    from wasp.report.terminal import print_summary

__all__ = ["print_summary", "review_dict", "write_review"]


def __getattr__(name: str) -> Any:
    """The exports, imported on first use: `wasp scan` needs the JSON document code, not the rich terminal."""
    if name == "print_summary":
        from wasp.report.terminal import print_summary

        return print_summary
    if name in ("review_dict", "write_review"):
        from wasp.report import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
