"""The Pillar Report as PDF for auditors and boards: the HTML report, paged by WeasyPrint."""

from __future__ import annotations

from typing import IO, Any

from wasp.errors import WaspError
from wasp.extras import require
from wasp.report.doc_types import ReviewDoc
from wasp.report.formats.html import REPORTER as HTML
from wasp.report.view import PDF_PLAN_LISTED


def data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads data: URIs (the inline history chart) and refuses everything else:
    http(s), file, ftp. What it refused is kept in ``.refused``. The PDF never reaches the network or the disk."""
    require("pdf", "weasyprint.urls")  # one line naming wasp[pdf] when WeasyPrint is not installed
    from weasyprint.urls import URLFetcher

    class DataOnlyFetcher(URLFetcher):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__(allowed_protocols={"data"}, allow_redirects=False)
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.lower().startswith("data:"):
                self.refused.append(url)
                raise ValueError("wasp reports embed only data: URIs")
            return super().fetch(url, headers)

    return DataOnlyFetcher()


def html_to_pdf(html: str, out: IO[Any], fetcher: Any = None) -> Any:
    """Lay out HTML on A4 pages with the data-only fetcher (or ``fetcher``); returns the fetcher used."""
    try:
        weasyprint = require("pdf", "weasyprint")
    except OSError as exc:  # WeasyPrint loads Pango through cffi at import time
        raise WaspError(
            "PDF needs the Pango library: apt-get install libpango-1.0-0 libpangoft2-1.0-0 (or use --format html)"
        ) from exc
    fetcher = fetcher or data_only_fetcher()
    weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(out)
    return fetcher


class PdfReporter:
    """A4 pages: the executive summary first, then the improvement plan (every failing finding, with its id,
    under the rule that raised it and that rule's fix, up to view.PDF_PLAN_LISTED per rule and a count of the rest),
    areas, design principles and every decision with its reason, attestation and finding counts per rule.
    Resource-level detail beyond that (passing findings, evidence) is in the HTML and CSV reports."""

    name = "pdf"
    extension = "pdf"
    filename = "review.pdf"
    binary = True
    description = "paged PDF with a summary page (WeasyPrint)"

    def render(self, review: ReviewDoc, out: IO[Any]) -> None:
        """Render the compact HTML (every section open, no script, the paged styles of templates/report-pdf.css)
        and lay it out on pages, fetching nothing but data: URIs."""
        html_to_pdf(HTML.html(review, max_listed=0, compact=True, plan_listed=PDF_PLAN_LISTED), out)


REPORTER = PdfReporter()
