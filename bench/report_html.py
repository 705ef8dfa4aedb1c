"""Benchmark: the HTML report of a 100k-finding review, rendered by wasp and used in headless Chromium.

Prints the render time, file size and peak RSS of wasp, then (when chromium is installed) how long the browser
takes to load the page and show the first 100 rows, to filter all findings by status, and to turn a page, and
how many table rows the page holds (one page of 100, never every finding).

    PYTHONPATH=src .venv/bin/python bench/report_html.py --findings 100000
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from wasp.demo.run import run_demo
from wasp.demo.scale import scaled_review
from wasp.report import review_dict
from wasp.report.formats.html import REPORTER

HARNESS = """<!DOCTYPE html><html><body><script>var started = performance.now();</script>
<iframe id="f" src="review.html" style="width:1280px;height:900px;border:0"></iframe>
<script>
var f = document.getElementById("f");
f.addEventListener("load", function () {
  var out = document.documentElement, d = f.contentDocument, root = d.documentElement;
  out.setAttribute("data-load-ms", Math.round(performance.now() - started));
  var t = performance.now(), status = d.getElementById("ft-status");
  status.value = "=fail"; status.dispatchEvent(new Event("change"));
  out.setAttribute("data-filter-ms", Math.round(performance.now() - t));
  out.setAttribute("data-matched", root.getAttribute("data-ft-matched"));
  t = performance.now(); d.getElementById("ft-next").click();
  out.setAttribute("data-page-ms", Math.round(performance.now() - t));
  out.setAttribute("data-rows", d.querySelectorAll("#ft-body > tr").length);
});
</script></body></html>"""


def browser(page: Path) -> dict[str, str]:
    """Load ``page`` in headless Chromium through HARNESS; the figures it recorded."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return {}
    (page.parent / "harness.html").write_text(HARNESS.replace("review.html", page.name))
    dom = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--allow-file-access-from-files",
            f"--user-data-dir={page.parent / 'profile'}",
            "--dump-dom",
            (page.parent / "harness.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    ).stdout
    head = re.search(r"<html([^>]*)>", dom)
    return dict(re.findall(r'data-([a-z-]+)="([^"]*)"', head.group(1))) if head else {}


def main() -> None:
    """Render, measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--findings", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        doc = scaled_review(review_dict(run_demo(Path(tmp) / "demo").run.review), args.findings)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        html = REPORTER.html(doc)
        seconds = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        page = Path(tmp) / "review.html"
        page.write_text(html, encoding="utf-8")
        size = page.stat().st_size / 2**20
        print(f"findings {args.findings}: render {seconds:.1f} s, {size:.1f} MiB, peak RSS {rss:.0f} MiB")
        print(
            f"  (peak RSS before rendering, with the demo and the scaled review in memory: {before:.0f} MiB)"
        )
        got = browser(page)
        if not got:
            print("  chromium not installed: browser figures skipped")
            return
        print(
            f"  chromium: page loaded, first 100 rows shown in {got.get('load-ms')} ms; filter by status "
            f"({got.get('matched')} match) {got.get('filter-ms')} ms; next page {got.get('page-ms')} ms; "
            f"{got.get('rows')} table rows in the DOM"
        )


if __name__ == "__main__":
    main()
