"""A PNG chart of a workload's history: HRI/MRI counts over time and each question's risk per review."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wasp.extras import available, require
from wasp.report.safe_text import plain

RISK_COLOUR = {
    "high": "#b3261e",
    "medium": "#e69500",
    "none": "#1b6e3a",
    "unanswered": "#bdc1c6",
    "not_applicable": "#e8eaed",
}
QUESTIONS = [f"SEC{i:02d}" for i in range(1, 12)]
CHART_KEY = "_history_png"
"""Where `wasp report --history` puts the chart's PNG bytes on the review it renders. JSON has no bytes, so a
review file can never supply the picture (or a URL in its place): the HTML and PDF embed only what wasp drew."""


CHART_NOTE = "History chart not drawn: charts need `pip install 'wasp[charts]'` (matplotlib)."
"""The one line the HTML and PDF reports show in place of the chart when matplotlib is not installed."""


def history_png_bytes(reviews: list[dict[str, Any]], title: str) -> bytes | None:
    """The chart as PNG bytes, for embedding in the self-contained HTML report; None when matplotlib (the
    ``charts`` extra) is not installed, so the report still renders, with CHART_NOTE in its place."""
    import tempfile

    if not available("matplotlib"):
        return None

    with tempfile.TemporaryDirectory() as tmp:
        return history_png(reviews, Path(tmp) / "history.png", title).read_bytes()


def chart_data_uri(review: Mapping[str, Any]) -> str | None:
    """The chart wasp drew for this review, as a data: URI; None when there is none (anything else under the
    key, such as a string from a review file, is ignored)."""
    import base64

    png = review.get(CHART_KEY)
    if not isinstance(png, bytes) or not png.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    return "data:image/png;base64," + base64.b64encode(png).decode()


def chart_note(review: Mapping[str, Any]) -> str | None:
    """CHART_NOTE when a chart was asked for (the key is set) but could not be drawn, else None."""
    return CHART_NOTE if CHART_KEY in review and review[CHART_KEY] is None else None


def _literal(text: str) -> str:
    """Text matplotlib draws as written: no control characters, and ``$`` never starts mathtext."""
    return plain(text).replace("$", r"\$")


def history_png(reviews: list[dict[str, Any]], path: Path, title: str) -> Path:
    """Draw the chart (matplotlib, headless) and write it to ``path``; MissingExtra without matplotlib."""
    matplotlib = require("charts", "matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    labels = [_literal(r["milestone"] or r["generated_at"][:10]) for r in reviews]
    xs = list(range(len(reviews)))
    fig, (top, grid) = plt.subplots(
        2,
        1,
        figsize=(max(6, 1.2 * len(reviews) + 3), 7),
        gridspec_kw={"height_ratios": [1, 2]},
        constrained_layout=True,
    )
    top.plot(
        xs,
        [r["high_risk_questions"] for r in reviews],
        marker="o",
        color=RISK_COLOUR["high"],
        label="high-risk questions",
    )
    top.plot(
        xs,
        [r["medium_risk_questions"] for r in reviews],
        marker="o",
        color=RISK_COLOUR["medium"],
        label="medium-risk questions",
    )
    top.set_ylim(0, 11.5)
    top.set_xticks(xs, labels, rotation=20, ha="right", fontsize=8)
    top.legend(loc="upper right", fontsize=8)
    top.set_title(_literal(title))
    for x, r in enumerate(reviews):
        for y, q in enumerate(QUESTIONS):
            grid.add_patch(
                Rectangle(
                    (x - 0.45, y - 0.45),
                    0.9,
                    0.9,
                    color=RISK_COLOUR.get(r["questions"].get(q, "unanswered"), "#fff"),
                )
            )
    grid.set_xlim(-0.6, len(reviews) - 0.4)
    grid.set_ylim(-0.6, len(QUESTIONS) - 0.4)
    grid.set_yticks(range(len(QUESTIONS)), QUESTIONS, fontsize=8)
    grid.set_xticks(xs, labels, rotation=20, ha="right", fontsize=8)
    grid.invert_yaxis()
    grid.set_title(
        "question risk per review (red high, amber medium, green none, grey unanswered)", fontsize=9
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
