"""Reports of a review of several accounts: the accounts matrix (terminal, HTML, PDF, Markdown), the plan's
resources by account in every format that shows the plan, hostile account names and OU paths shown as text, and
a wasp.review/1 document (no per-account results) still rendered by every format."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from org_estate import DENIED, DEV, PROD, SANDBOX, estate, inventory_of, org_review
from test_output_hostile import MIX, SHOWN, assert_clean_terminal
from test_review_load import small_review
from wasp.report import print_summary, review_dict
from wasp.report.base import formats, get_format, render
from wasp.report.formats.html import REPORTER as HTML
from wasp.report.terminal_accounts import TOP_ACCOUNTS

HOSTILE = (
    "</script><script>alert(1)</script><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
)
EXTRA = tuple(f"5555555555{n:02d}" for n in range(8))
"""Accounts the workload lists that hold nothing wasp read: 12 accounts in all."""


def _doc(names: list[tuple[str, str, str | None]] | None = None, **kw: Any) -> dict[str, Any]:
    inv = estate(names=names or [])
    return dict(review_dict(org_review(inv, **kw)))


def _text(fmt: str, doc: Any) -> str:
    out = io.StringIO()
    render(doc, get_format(fmt), out)
    return out.getvalue()


def _terminal(review: Any) -> str:
    console = Console(width=220, record=True, force_terminal=False)
    print_summary(review, console)
    return console.export_text()


def test_terminal_shows_the_worst_ten_accounts_of_a_larger_review() -> None:
    review = org_review(accounts=(PROD, DEV, SANDBOX, DENIED, *EXTRA))
    out = _terminal(review)
    assert f"Accounts, worst first ({TOP_ACCOUNTS} of 12)" in out
    rows = [line for line in out.splitlines() if re.match(r"^│ \d{12}", line)]
    assert len(rows) == TOP_ACCOUNTS
    assert rows[0].startswith(f"│ {PROD}") and rows[1].startswith(f"│ {DEV}")
    assert "12 accounts reviewed: 2 with high-risk questions" in out
    # the plan says where each item's resources are
    assert f"accounts (resources): {PROD} (1), {DEV} (1)" in out


def test_terminal_prints_a_hostile_account_name_and_ou_as_text() -> None:
    review = org_review(estate(names=[(PROD, MIX, MIX)]))
    console = Console(width=600, record=True, force_terminal=True)
    print_summary(review, console)
    out = console.export_text(styles=False)
    assert_clean_terminal(out)
    assert f"{PROD} {SHOWN}" in out


def test_a_one_account_review_shows_no_accounts_matrix() -> None:
    one = estate()
    single = org_review(inventory_of(one, PROD), accounts=(PROD,))
    assert [a.account for a in single.accounts] == [PROD]
    assert "Accounts, worst first" not in _terminal(single)
    assert "accounts (resources)" not in _terminal(single)
    doc = review_dict(single)
    assert 'id="acct-matrix"' not in HTML.html(doc)
    assert "resources by account" not in _text("md", doc)
    assert "Resources by account" not in _text("plan-csv", doc)


def test_html_matrix_groups_accounts_by_ou_worst_first() -> None:
    doc = _doc([(PROD, "prod", "Root/Prod"), (DEV, "dev", "Root/Dev"), (SANDBOX, "sbx", "Root/Dev")])
    html = HTML.html(doc)
    matrix = html[html.index('id="acct-matrix"') : html.index("</table>", html.index('id="acct-matrix"'))]
    heads = re.findall(r'<tr class="ou-head"><th colspan="15">([^<]*) <span', matrix)
    assert heads == ["Root/Prod", "Root/Dev", "no OU"]
    accounts = re.findall(r'<tr data-risks="[^"]*"><td>(\d{12})', matrix)
    assert accounts == [PROD, DEV, SANDBOX, DENIED]
    prod_row = matrix[matrix.index(f"<td>{PROD} (prod)") :].split("</tr>")[0]
    assert prod_row.count('class="c risk-high"') == 4
    denied_row = matrix[matrix.index(f"<td>{DENIED}") :].split("</tr>")[0]
    assert 'title="SEC08: Not assessed">?</td>' in denied_row
    assert "1 gap(s)" in denied_row
    assert html.count("<script") == 4, "the findings table's two blobs and script, and the matrix's filter"


def test_html_escapes_a_hostile_account_name_and_ou() -> None:
    html = HTML.html(_doc([(PROD, HOSTILE, HOSTILE)]))
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert html.count("&lt;/script&gt;&lt;script&gt;alert(1)") >= 3  # option, OU heading, account, plan
    assert html.count("<script") == 4


def test_pdf_html_lists_the_matrix_without_its_script() -> None:
    html = HTML.html(_doc(), max_listed=0, compact=True)
    assert 'id="acct-matrix"' in html and 'id="acct-ou"' not in html
    assert "<script" not in html
    assert "Resources by account" in html


def test_plan_groups_resources_by_account_in_every_format() -> None:
    doc = _doc([(PROD, "prod", "Root/Prod")])
    md = _text("md", doc)
    assert f"resources by account: {PROD} (prod) (1), {DEV} (1)" in md
    assert "## Accounts, worst first (4 of 4)" in md
    csv_text = _text("plan-csv", doc)
    assert f"- {PROD} (prod): 1 resource(s): sg-{PROD}" in csv_text
    assert f"- {DEV}: 1 resource(s): sg-{DEV}" in csv_text
    html = HTML.html(doc)
    assert (
        f'<b>{PROD} (prod)</b> <span class="small">· 1 resource(s), worst critical</span>: <code>sg-{PROD}</code>'
        in html
    )


def test_a_wasp_review_1_document_renders_in_every_format() -> None:
    old = small_review()
    for name, fmt in formats().items():
        if name == "pdf":
            continue  # the PDF is the compact HTML, checked below without laying out pages
        out = io.StringIO()
        render(old, fmt, out)  # type: ignore[arg-type]
        assert out.getvalue()
    assert 'id="acct-matrix"' not in HTML.html(old, compact=True)  # type: ignore[arg-type]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

CHOOSE = """<script>
var ou = document.getElementById("acct-ou"), risk = document.getElementById("acct-risk");
ou.value = "%s"; ou.dispatchEvent(new Event("change"));
risk.value = "%s"; risk.dispatchEvent(new Event("change"));
</script></body>"""


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
@pytest.mark.parametrize(
    ("ou", "risk", "shown"),
    [("", "", 4), ("", "high", 2), ("1", "", 2), ("1", "high", 1), ("0", "medium", 0)],
)
def test_the_matrix_filters_by_ou_and_risk_in_a_browser(
    tmp_path: Path, ou: str, risk: str, shown: int
) -> None:
    """Headless Chromium runs the page's own filter after a user's choice (simulated by a script appended to a
    copy of the page); a hostile name in the page runs nothing."""
    names = [(PROD, HOSTILE, "Root/Prod"), (DEV, "dev", "Root/Dev"), (SANDBOX, "sbx", "Root/Dev")]
    page = tmp_path / "review.html"
    page.write_text(HTML.html(_doc(names)).replace("</body>", CHOOSE % (ou, risk)), encoding="utf-8")
    assert CHROMIUM
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'p'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    ).stdout
    assert f"{shown} of 4 accounts shown" in dom
    visible = re.findall(r'<tr data-risks="[^"]*"><td>', dom)
    assert len(visible) == shown
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]


def test_review_json_of_a_hostile_name_round_trips(tmp_path: Path) -> None:
    doc = _doc([(PROD, HOSTILE, MIX)])
    text = json.dumps(doc)
    assert json.loads(text)["accounts"][0]["name"] == HOSTILE


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_of_an_org_review_has_the_matrix_and_the_plan_by_account(tmp_path: Path) -> None:
    from wasp.report.base import write_report

    doc = _doc([(PROD, HOSTILE, "Root/Prod"), (DEV, "dev", "Root/Dev")])
    pdf = write_report(doc, get_format("pdf"), tmp_path / "review.pdf")  # type: ignore[arg-type]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert "Accounts" in text and "Root/Prod" in text and "Root/Dev" in text and "no OU" in text
    assert "Resources by account" in text
    assert "</script><script>alert(1)</script>" in re.sub(r"\s+", "", text), "the hostile name shows as text"
