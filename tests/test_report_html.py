"""The HTML report: its findings table (data, escaping, filters and paging in a real browser), the plan grouped by
rule with each rule's own fix, the guidance links, the order of sections, and no horizontal overflow at 390 px."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from wasp.catalogue import load_catalogue
from wasp.demo.scale import scaled_review
from wasp.extras import MissingExtra
from wasp.report import history_chart
from wasp.report.findings_table import COLUMNS
from wasp.report.formats.html import REPORTER
from wasp.report.view import GUIDANCE, PLAN_LISTED, plan_by_rule

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','1')\">"
"""A resource name that closes the data element and runs script if anything writes it as HTML."""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def blob(html: str, element: str = "ft-data") -> Any:
    """The JSON inside <script type="application/json" id=element>, as the browser would read it."""
    m = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', html, re.S)
    assert m, f"no {element} element"
    return json.loads(m.group(1))


def planted(doc: dict[str, Any]) -> dict[str, Any]:
    """The demo review with one failing finding on a resource named HOSTILE, with known evidence."""
    doc = copy.deepcopy(doc)
    f = next(f for f in doc["findings"] if f["status"] == "fail")
    f["resource"]["id"] = f["resource"]["arn"] = HOSTILE
    f["message"] = HOSTILE
    f["evidence"] = {"ports": [22, 3389], "cidr": {"v4": "0.0.0.0/0"}, "note": HOSTILE}
    return doc


def test_every_finding_is_in_the_table_with_its_evidence(demo_doc: dict[str, Any]) -> None:
    data = blob(REPORTER.html(demo_doc))
    assert data["columns"] == list(COLUMNS)
    col = {name: i for i, name in enumerate(data["columns"])}
    s = data["strings"]
    rows = {s[r[col["id"]]]: r for r in data["rows"]}
    assert len(data["rows"]) == len(demo_doc["findings"]) == len(rows)
    for f in demo_doc["findings"]:
        r = rows[f["id"]]
        assert s[r[col["status"]]] == f["status"] and s[r[col["rule"]]] == f["rule"]
        assert s[r[col["resource"]]] == (f["resource"]["arn"] or f["resource"]["id"])
        assert json.loads(s[r[col["evidence"]]]) == f["evidence"]
        assert s[r[col["observed_at"]]] == f["observed_at"]
    statuses = [s[r[col["status"]]] for r in data["rows"]]
    assert statuses.index("fail") == 0 and statuses[-1] == "pass", "failing first"


def test_a_resource_name_cannot_close_the_script_element(demo_doc: dict[str, Any]) -> None:
    html = REPORTER.html(planted(demo_doc))
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert html.count("<script") == 3, "the two JSON blobs and the page's own script, nothing from the review"
    data = blob(html)
    assert HOSTILE in data["strings"], "the name survives, as data"
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in html, (
        "and is escaped text wherever the template prints it"
    )


def test_no_external_loads_only_guidance_links(demo_doc: dict[str, Any]) -> None:
    html = REPORTER.html(demo_doc)
    urls = re.findall(r'(?:src|href|action)\s*=\s*"([^"#][^"]*)"', html)
    assert urls and all(u.startswith(GUIDANCE) for u in urls), [u for u in urls if not u.startswith(GUIDANCE)]
    assert not re.search(r"<(?:script|link|img|iframe)[^>]*\s(?:src|href)\s*=\s*\"?https?:", html, re.I)
    assert "@import" not in html and "url(" not in html


def test_each_best_practice_links_to_its_guidance_page(demo_doc: dict[str, Any]) -> None:
    html = REPORTER.html(demo_doc)
    for bp in load_catalogue().best_practices:
        assert f'<a href="{GUIDANCE}{bp.choice_id}.html">AWS guidance for {bp.id}</a>' in html
    assert f'{GUIDANCE}sec_securely_operate_multi_accounts.html">AWS guidance for SEC01-BP01' in html
    guidance = blob(html, "ft-guidance")
    assert guidance["SEC01-BP01"] == f"{GUIDANCE}sec_securely_operate_multi_accounts.html"
    top = demo_doc["improvement_plan"][0]
    assert f'<a href="{guidance[top["best_practice"]]}">{top["best_practice"]}</a>' in html


def test_plan_groups_findings_under_their_own_rule_and_fix(demo_doc: dict[str, Any]) -> None:
    findings = {f["id"]: f for f in demo_doc["findings"]}
    for item in demo_doc["improvement_plan"]:
        groups = plan_by_rule(item, findings)
        assert sum(g["total"] for g in groups) == len(item["findings"])
        for g in groups:
            assert {f["rule"] for f in g["listed"]} == {g["rule"]}
            assert g["fix"] is not None and g["fix"]["rule"] == g["rule"]
    html = REPORTER.html(demo_doc)
    plan = html[html.index('id="plan"') : html.index('id="areas"')]
    # each rule's findings are followed by that rule's fix, before the next rule starts
    for rule, fix in re.findall(r"<p><code>([a-z0-9_]+)</code>.*?Fix \(([a-z0-9_]+)\)", plan, re.S):
        assert rule == fix


def test_plan_lists_up_to_its_limit_and_counts_the_rest(demo_doc: dict[str, Any]) -> None:
    big = scaled_review(demo_doc, 3000)
    findings = {f["id"]: f for f in big["findings"]}
    groups = [g for item in big["improvement_plan"] for g in plan_by_rule(item, findings)]
    over = [g for g in groups if g["total"] > PLAN_LISTED]
    assert over, "the scaled review has rules with more failing findings than the plan lists"
    for g in groups:
        assert len(g["listed"]) == min(g["total"], PLAN_LISTED) and len(g["listed"]) + g["more"] == g["total"]
    html = REPORTER.html(big)
    assert f"and {over[0]['more']} more failing finding(s) of this rule: see the findings table" in html


def test_areas_and_principles_follow_the_plan(demo_doc: dict[str, Any]) -> None:
    html = REPORTER.html(demo_doc)
    marks = ['id="summary"', 'id="plan"', 'id="areas"', 'id="principles"', 'id="questions"', 'id="findings"']
    positions = [html.index(m) for m in marks]
    assert positions == sorted(positions)


def test_without_matplotlib_the_report_renders_with_a_note(
    demo_doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setattr(history_chart, "available", lambda module: False)
    doc = copy.deepcopy(demo_doc)
    doc[history_chart.CHART_KEY] = history_chart.history_png_bytes([], "t")
    assert doc[history_chart.CHART_KEY] is None
    html = REPORTER.html(doc)
    note = str(escape(history_chart.CHART_NOTE))
    assert note in html and 'id="history"' not in html
    assert note not in REPORTER.html(demo_doc), "no note when no chart was asked for"
    with pytest.raises(MissingExtra, match=r"wasp\[charts\]"):
        history_chart.history_png([], Path("never.png"), "t")


# --- in a real browser -----------------------------------------------------------------------------------------

HARNESS = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="review.html" style="width:390px;height:900px;border:0"></iframe>
<script>
var f = document.getElementById("f");
f.addEventListener("load", function () {
  var d = f.contentDocument, root = d.documentElement, out = document.documentElement;
  function rec(k, v) { out.setAttribute("data-" + k, String(v)); }
  function matched() { return root.getAttribute("data-ft-matched"); }
  rec("inner", f.contentWindow.innerWidth);
  rec("shown", root.getAttribute("data-ft-shown"));
  rec("all", matched());
  var next = d.getElementById("ft-next");
  next.click(); rec("page2", root.getAttribute("data-ft-shown") + "/" + d.getElementById("ft-page").textContent);
  var status = d.getElementById("ft-status");
  status.value = "=fail"; status.dispatchEvent(new Event("change")); rec("fail", matched());
  status.value = ""; status.dispatchEvent(new Event("change"));
  var region = d.getElementById("ft-region");
  region.value = "=eu-west-2"; region.dispatchEvent(new Event("change")); rec("region", matched());
  region.value = ""; region.dispatchEvent(new Event("change"));
  var service = d.getElementById("ft-service");
  service.value = "=EC2"; service.dispatchEvent(new Event("change")); rec("ec2", matched());
  service.value = ""; service.dispatchEvent(new Event("change"));
  var q = d.getElementById("ft-q");
  q.value = "onerror 3389"; q.dispatchEvent(new Event("input"));
  setTimeout(function () {
    rec("search", matched());
    var pre = d.querySelector("#ft-body pre");
    rec("evidence", pre ? pre.textContent : "");
    d.querySelectorAll("details").forEach(function (e) { e.open = true; });
    q.value = ""; q.dispatchEvent(new Event("input"));
    setTimeout(function () {
      d.querySelectorAll("details").forEach(function (e) { e.open = true; });
      rec("scroll", root.scrollWidth + "/" + root.clientWidth);
      rec("pwned", root.getAttribute("data-pwned") || d.title.indexOf("pwned") >= 0 ? "yes" : "no");
      rec("done", "1");
    }, 400);
  }, 400);
});
</script></body></html>"""


def _browser(page: Path, tmp_path: Path) -> dict[str, str]:
    """Open HARNESS around ``page`` (a 390 px wide frame) in headless Chromium; what it recorded."""
    assert CHROMIUM, "CI must install chromium"
    (page.parent / "harness.html").write_text(HARNESS.replace("review.html", page.name))
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--allow-file-access-from-files",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=800,900",
            "--virtual-time-budget=10000",
            "--dump-dom",
            (page.parent / "harness.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    ).stdout
    m = re.search(r"<html([^>]*)>", dom)
    assert m, dom[:500]
    return dict(re.findall(r'data-([a-z0-9]+)="([^"]*)"', m.group(1)))


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed")
def test_table_filters_pages_and_fits_390px_in_a_browser(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    doc = planted(scaled_review(demo_doc, 250))
    page = tmp_path / "review.html"
    page.write_text(REPORTER.html(doc), encoding="utf-8")
    got = _browser(page, tmp_path)
    assert got.get("done") == "1", got
    findings = doc["findings"]
    assert got["inner"] == "390"
    assert got["all"] == "250" and got["shown"] == "100", "one page of 100 rows, not 250"
    assert got["page2"] == "100/page 2 of 3"
    assert got["fail"] == str(sum(f["status"] == "fail" for f in findings))
    assert got["region"] == str(sum(f["resource"]["region"] == "eu-west-2" for f in findings))
    assert got["ec2"] == str(sum(f["resource"]["type"].startswith("AWS::EC2::") for f in findings))
    assert got["search"] == "1", "both words match the one planted finding (name and evidence)"
    assert "ports[0] = 22" in got["evidence"] and "cidr.v4 = &quot;0.0.0.0/0&quot;" in got["evidence"]
    width, client = (int(x) for x in got["scroll"].split("/"))
    assert width <= client <= 390, "no horizontal overflow at 390 px, every section open"
    assert got["pwned"] == "no"


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="chromium not installed")
def test_the_overflow_check_sees_a_page_that_overflows(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    """The width check above can fail: the same report with one unwrapped line overflows at 390 px."""
    html = REPORTER.html(demo_doc).replace(
        "</main>", "<pre style='white-space:pre'>" + "x" * 200 + "</pre></main>"
    )
    page = tmp_path / "review.html"
    page.write_text(html, encoding="utf-8")
    width, client = (int(x) for x in _browser(page, tmp_path)["scroll"].split("/"))
    assert width > client
