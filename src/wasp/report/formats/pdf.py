"""The Pillar Report as PDF for auditors and boards: the HTML report, paged by WeasyPrint."""

from __future__ import annotations

from typing import IO, Any

from wasp.errors import WaspError
from wasp.report.formats.html import REPORTER as HTML

PAGED = """
@page { size: A4; margin: 16mm 14mm 18mm;
        @bottom-left { content: "wasp · Security Pillar review"; font-size: 9px; color: #5f6368; }
        @bottom-right { content: "page " counter(page) " of " counter(pages); font-size: 9px; color: #5f6368; } }
body { font-size: 10.5px; } main { max-width: none; padding: 0; }
#summary { break-after: page; }
details { break-inside: avoid; }
details > *:not(summary) { display: block; }
"""


def data_only_fetcher() -> Any:
    """A WeasyPrint URL fetcher that reads data: URIs (the inline history chart) and refuses everything else:
    http(s), file, ftp. What it refused is kept in ``.refused``. The PDF never reaches the network or the disk."""
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
        from weasyprint import CSS
        from weasyprint import HTML as Document
    except OSError as exc:  # WeasyPrint loads Pango through cffi at import time
        raise WaspError(
            "PDF needs the Pango library: apt-get install libpango-1.0-0 libpangoft2-1.0-0 (or use --format html)"
        ) from exc
    fetcher = fetcher or data_only_fetcher()
    stylesheet = CSS(string=PAGED, url_fetcher=fetcher)
    Document(string=html, url_fetcher=fetcher).write_pdf(out, stylesheets=[stylesheet])
    return fetcher


class PdfReporter:
    """A4 pages: the summary on the first page, then the plan (with example resources) and every decision with
    its reason, attestation and finding counts per rule; resource-level detail is in the HTML and CSV reports."""

    name = "pdf"
    extension = "pdf"
    filename = "review.pdf"
    binary = True
    description = "paged PDF with a summary page (WeasyPrint)"

    def render(self, review: dict[str, Any], out: IO[Any]) -> None:
        """Render the HTML, open every section, and lay it out on pages (fetching nothing but data: URIs)."""
        html = HTML.html(review, max_listed=0, compact=True).replace("<details>", "<details open>")
        html_to_pdf(html, out)


REPORTER = PdfReporter()
