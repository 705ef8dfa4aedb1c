"""The Pillar Report as one self-contained HTML file: inline CSS and script, nothing from the network, printable.

The only URLs in it are links (never loads) to AWS's guidance page of each best practice; the findings table's
data is one script-safe JSON blob (wasp.report.findings_table) the page's own script filters and pages through.
"""

from __future__ import annotations

from typing import IO, Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from wasp.report.doc_types import ReviewDoc
from wasp.report.findings_table import script_json
from wasp.report.safe_text import without_controls
from wasp.report.view import PLAN_LISTED, build_view, guidance_urls


def _finalize(value: Any) -> Any:
    """Every value the template prints, without control characters (then HTML-escaped by autoescape; text a
    filter already escaped, such as ``join``'s, stays escaped once)."""
    if isinstance(value, Markup):
        return Markup(without_controls(str(value)))
    return without_controls(value) if isinstance(value, str) else value


class HtmlReporter:
    """Summary, questions, areas, principles, decisions with evidence, the plan and the gaps."""

    name = "html"
    extension = "html"
    filename = "review.html"
    binary = False
    description = "self-contained HTML Pillar Report with a searchable findings table (works offline)"
    """Nothing in it reaches the network: text from the review is escaped, the script and styles are inline, and
    the only image is the history chart wasp drew, inline (see wasp.report.history_chart.CHART_KEY)."""

    def __init__(self) -> None:
        self._env = Environment(
            loader=PackageLoader("wasp.report", "templates"),
            autoescape=select_autoescape(["html", "j2"]),
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_finalize,
        )

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Render the template with the aggregated view."""
        out.write(self.html(review))

    def html(
        self,
        review: ReviewDoc,
        max_listed: int = 25,
        compact: bool = False,
        plan_listed: int = PLAN_LISTED,
    ) -> str:
        """The page as a string (the PDF uses a compact, paper-sized variant without the findings table)."""
        view = build_view(review, max_listed, compact, table=not compact, plan_listed=plan_listed)
        return self._env.get_template("report.html.j2").render(
            **view, guidance_json=script_json(guidance_urls())
        )


REPORTER = HtmlReporter()
