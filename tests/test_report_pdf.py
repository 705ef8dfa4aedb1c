"""The PDF report as an auditor reads it: every failing finding and gap is in the text, nothing runs past the
margins, the summary and plan come first, small text is smaller than body text, and pages are not left half
empty. The text and pixels come from poppler (pdftotext, pdftoppm), the pages from WeasyPrint."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from wasp.cli.app import main
from wasp.extras import MissingExtra
from wasp.report.base import get_format, write_report
from wasp.report.formats.pdf import html_to_pdf

POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")
pytestmark = pytest.mark.skipif(
    not POPPLER and not os.environ.get("CI"),
    reason="poppler-utils (pdftotext, pdftoppm) not installed; CI installs it",
)

DPI = 50
MARGIN_STRIP = 0.05
"""The outer 5 % of each page's width, left and right: inside the 14 mm side margins (6.7 % of A4's width),
so only text running past the page box's content area can put ink there."""


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=120).stdout


def _squash(text: str) -> str:
    """Text without whitespace or hyphens: a table cell wraps a message over lines (and pdftotext joins a word
    hyphenated at a line end), so compare the characters, not the line breaks."""
    return re.sub(r"[\s\-]+", "", text)


@pytest.fixture(scope="module")
def demo_pdf(demo_doc: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_report(demo_doc, get_format("pdf"), tmp_path_factory.mktemp("pdf") / "review.pdf")


@pytest.fixture(scope="module")
def pages(demo_pdf: Path) -> list[Any]:
    """Each page as a greyscale Pillow image at DPI."""
    from PIL import Image

    _run("pdftoppm", "-r", str(DPI), "-png", str(demo_pdf), str(demo_pdf.with_suffix("")))
    files = sorted(demo_pdf.parent.glob("review-*.png"))
    assert files, "pdftoppm wrote no pages"
    return [Image.open(f).convert("L") for f in files]


def _ink_columns(page: Any, x0: int, x1: int) -> int:
    """How many pixels between columns x0 and x1 are not white."""
    return sum(page.crop((x0, 0, x1, page.height)).histogram()[:245])


def _side_ink(page: Any) -> int:
    strip = max(1, int(page.width * MARGIN_STRIP))
    return _ink_columns(page, 0, strip) + _ink_columns(page, page.width - strip, page.width)


def test_every_failing_finding_and_gap_is_in_the_text(demo_doc: dict[str, Any], demo_pdf: Path) -> None:
    """The design: the plan lists every failing finding with its id under its rule, up to view.PDF_PLAN_LISTED
    per rule with a count of the rest (the demo has fewer, so all are listed); the gaps table lists every gap."""
    from wasp.report.view import PDF_PLAN_LISTED

    layout = _run("pdftotext", "-layout", str(demo_pdf), "-")
    failing = [f for f in demo_doc["findings"] if f["status"] == "fail"]
    rule_of = {f["id"]: f["rule"] for f in failing}
    per_rule = Counter(
        (item["rank"], rule_of[i]) for item in demo_doc["improvement_plan"] for i in item["findings"]
    )
    assert failing and max(per_rule.values()) <= PDF_PLAN_LISTED, "the demo stays within what the plan lists"
    missing = [f["id"] for f in failing if f["id"] not in layout]
    assert missing == [], f"failing findings not in the PDF: {missing}"
    reading = _squash(_run("pdftotext", str(demo_pdf), "-"))
    assert demo_doc["gaps"]
    lost = [g["message"] for g in demo_doc["gaps"] if _squash(g["message"]) not in reading]
    assert lost == [], f"gap messages not in the PDF: {lost}"


def test_nothing_runs_into_the_side_margins(pages: list[Any]) -> None:
    inked = [i + 1 for i, page in enumerate(pages) if _side_ink(page)]
    assert inked == [], f"pages with ink in the outer {MARGIN_STRIP:.0%} strips: {inked}"


def test_the_margin_check_sees_text_that_runs_off_the_page(tmp_path: Path) -> None:
    """The check above can fail: an unwrapped long line does put ink in the right-hand strip."""
    from PIL import Image

    pdf = tmp_path / "wide.pdf"
    with pdf.open("wb") as out:
        html_to_pdf("<pre style='white-space:pre;font-size:12pt'>" + "arn:aws:x:" * 60 + "</pre>", out)
    _run("pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "wide"))
    page = Image.open(next(tmp_path.glob("wide-*.png"))).convert("L")
    assert _side_ink(page) > 0


def test_summary_and_plan_come_first(demo_doc: dict[str, Any], demo_pdf: Path) -> None:
    first = _run("pdftotext", "-layout", "-f", "1", "-l", "1", str(demo_pdf), "-")
    assert "Executive summary" in first and "SEC01" in first
    first_two = _run("pdftotext", "-layout", "-f", "1", "-l", "2", str(demo_pdf), "-")
    top = demo_doc["improvement_plan"][0]
    assert "Improvement plan" in first_two and f"{top['best_practice']}" in first_two
    everything = _run("pdftotext", "-layout", str(demo_pdf), "-")
    order = [everything.index(h) for h in ("Improvement plan", "Areas", "Design principles", "Questions and")]
    assert order == sorted(order), "areas and design principles follow the plan"


def test_small_text_is_smaller_than_body_text(demo_doc: dict[str, Any], demo_pdf: Path) -> None:
    """Word heights from pdftotext -bbox: finding ids (small text) against the plan's action line (body text)."""
    boxes = _run("pdftotext", "-bbox", "-f", "1", "-l", "3", str(demo_pdf), "-")
    words = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', boxes
    )
    heights: dict[str, list[float]] = {}
    for y0, y1, w in words:
        heights.setdefault(w, []).append(float(y1) - float(y0))
    ids = {i for item in demo_doc["improvement_plan"] for i in item["findings"]}
    small = [h for w, hs in heights.items() if w in ids for h in hs]
    # the action line's words may also occur in small text: their body occurrence is their tallest
    body = [max(heights[w]) for w in ("failing", "finding(s)", "resource(s)") if w in heights]
    assert small and body
    assert max(small) < min(body)


def test_pages_are_not_left_half_empty(pages: list[Any]) -> None:
    """No forced breaks: every page but the last is filled to at least 70 % of its content height."""
    footer = int(pages[0].height * (1 - 20 / 297))  # the 18 mm bottom margin holds the footer
    top = int(pages[0].height * 16 / 297)
    short = []
    for i, page in enumerate(pages[:-1]):
        px = page.load()
        lowest = max(
            (y for y in range(top, footer) if any(px[x, y] < 240 for x in range(0, page.width, 2))), default=0
        )
        if (lowest - top) / (footer - top) < 0.7:
            short.append(i + 1)
    assert len(pages) > 3 and short == [], f"pages ending before 70 % of the page: {short}"


def test_without_weasyprint_pdf_fails_in_one_line(
    demo_doc: dict[str, Any],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(MissingExtra, match=r"wasp\[pdf\]"):
        get_format("pdf").reporter.render(demo_doc, io.BytesIO())
    review = tmp_path / "review.json"
    review.write_text(json.dumps(demo_doc))
    with pytest.raises(SystemExit) as exc:
        main(["report", str(review), "-f", "pdf", "-o", str(tmp_path / "r.pdf")])
    err = capsys.readouterr().err.strip()
    assert exc.value.code == 2 and "wasp[pdf]" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "r.pdf").exists() or (tmp_path / "r.pdf").stat().st_size == 0


def test_beyond_its_limit_the_plan_counts_every_finding_it_does_not_list(demo_doc: dict[str, Any]) -> None:
    """What the PDF is made from, for a review with more failing findings per rule than the PDF lists: each
    group lists PDF_PLAN_LISTED ids and says how many more there are, so listed + counted = all failing."""
    from wasp.demo.scale import scaled_review
    from wasp.report.formats.html import REPORTER as HTML
    from wasp.report.view import PDF_PLAN_LISTED, plan_by_rule

    big = scaled_review(demo_doc, 2000)
    html = HTML.html(big, max_listed=0, compact=True, plan_listed=PDF_PLAN_LISTED)
    findings = {f["id"]: f for f in big["findings"]}
    accounted = 0
    for item in big["improvement_plan"]:
        for g in plan_by_rule(item, findings, PDF_PLAN_LISTED):
            assert all(f["id"] in html for f in g["listed"])
            if g["more"]:
                assert f"and {g['more']} more failing finding(s) of this rule: see the HTML report" in html
            accounted += len(g["listed"]) + g["more"]
    assert accounted == sum(len(item["findings"]) for item in big["improvement_plan"])
    assert any(
        g["more"] for item in big["improvement_plan"] for g in plan_by_rule(item, findings, PDF_PLAN_LISTED)
    )
