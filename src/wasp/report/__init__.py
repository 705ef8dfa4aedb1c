"""Reports rendered from a review."""

from wasp.report.document import review_dict, write_review
from wasp.report.terminal import print_summary

__all__ = ["print_summary", "review_dict", "write_review"]
