"""Output that cannot be hijacked: hostile names from the cloud, a review file or a template print as text.

A security group named ``web[/]``, a message ``[bold red]x``, ANSI escapes, a formula, a newline and HTML/Markdown
image syntax are planted in a live review (through a snapshot), in a review file, in a waiver file and in a
template; every command that prints them, and every report, is run on them.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table

from conftest import inventory, res
from wasp.cli.app import main
from wasp.report.safe_text import CsvWriter, csv_cell, md_cell, md_code, plain, safe, without_controls
from wasp.report.view import GUIDANCE

FORMULA = '=HYPERLINK("http://evil")'
IMG = '<img src="http://127.0.0.1:9/x">'
MIX = "web[/] [bold red]x \x1b[2J\x1b]0;pwn\x07 a\nb " + IMG + " ![t](http://127.0.0.1:9/t.png) a[/]b.yaml"
"""Every hostile shape at once."""
SHOWN = plain(MIX)
"""What a terminal must show for MIX."""
C0_C1 = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `wasp ARGS`; the exit code, stdout and stderr."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    captured = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def assert_clean_terminal(text: str) -> None:
    """No escape byte, no control character but newlines: nothing that acts on a terminal."""
    assert "\x1b" not in text and "\x9b" not in text
    assert not C0_C1.search(text.replace("\n", "")), repr(C0_C1.search(text.replace("\n", "")))


@pytest.fixture(autouse=True)
def _wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables wide enough that a cell is never wrapped, so literal text can be searched for (the consoles may
    have fixed their width when another test imported them)."""
    from wasp.cli import console

    monkeypatch.setenv("COLUMNS", "600")
    for shared in (console.out, console.err):
        monkeypatch.setattr(shared, "_width", 600)


# --- the helpers ---------------------------------------------------------------------------------------------


def test_plain_removes_sequences_and_shows_line_breaks() -> None:
    assert plain("\x1b[2J\x1b]0;pwn\x07ok") == "ok"
    assert plain("a\nb\r\tc") == "a\\nb\\r\\tc"
    assert plain("\x9b31mred\x1b[0m") == "red"
    assert plain("evil\u202egnp.exe") == "evilgnp.exe"
    assert plain("web[/]") == "web[/]"


@given(st.text())
def test_safe_text_renders_literally_in_rich_markup(text: str) -> None:
    buf = io.StringIO()
    console = Console(file=buf, width=10_000, color_system=None, emoji=False, highlight=False)
    console.print(f"[bold]{safe(text)}[/bold]", soft_wrap=True)
    assert buf.getvalue() == plain(text) + "\n"
    assert not C0_C1.search(plain(text))


@given(st.text())
def test_csv_cells_never_start_a_formula(text: str) -> None:
    cell = csv_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell in (without_controls(text), "'" + without_controls(text))
    assert not C0_C1.search(cell.replace("\n", "").replace("\t", ""))


@given(st.lists(st.one_of(st.text(), st.integers(), st.booleans()), min_size=1, max_size=5))
def test_the_csv_writer_neutralises_every_cell(row: list[Any]) -> None:
    buf = io.StringIO()
    CsvWriter(buf).writerow(row)
    [written] = list(csv.reader(io.StringIO(buf.getvalue())))
    assert written == [str(csv_cell(v)) for v in row]


def test_csv_cell_examples() -> None:
    assert csv_cell(FORMULA) == "'" + FORMULA
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("\x00=1+1") == "'=1+1" and csv_cell("\x1b[0m=1") == "'=1"
    assert csv_cell("-1") == "'-1"
    assert csv_cell(12) == 12 and csv_cell(False) is False
    assert csv_cell("sg-123 a=b") == "sg-123 a=b"


def test_markdown_cells_render_as_text() -> None:
    assert md_cell("![t](http://x/t.png)") == "!\\[t\\](http://x/t.png)"
    assert md_cell(IMG) == '&lt;img src="http://127.0.0.1:9/x"&gt;'
    assert md_cell("a|b\nc") == "a\\|b c"
    assert md_code("a`b") == "``a`b``"
    assert md_code("`x`") == "`` `x` ``"


# --- a live review with hostile names, through a snapshot ------------------------------------------------------


@pytest.fixture
def hostile_snapshot(tmp_path: Path) -> Path:
    """A snapshot whose security group is named and identified with every hostile shape, open to the world."""
    from wasp.snapshot import Snapshot, save_snapshot

    sg = res(
        "AWS::EC2::SecurityGroup",
        {
            "GroupId": MIX,
            "GroupName": MIX,
            "SecurityGroupIngress": [
                {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}
            ],
        },
        rid=MIX,
    )
    snap = Snapshot(
        inventory(sg, collected=("AWS::EC2::Instance",)),
        datetime(2026, 11, 1, tzinfo=UTC),
        "w",
        ("111122223333",),
        ("eu-west-2",),
    )
    return save_snapshot(snap, tmp_path / "snap.json.gz")


def test_review_summary_show_history_and_milestones_print_hostile_names_as_text(
    tmp_path: Path, hostile_snapshot: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.db")
    out_dir = tmp_path / "o[/]ut"
    code, out, err = run(
        capsys,
        "review",
        "--snapshot",
        str(hostile_snapshot),
        "--name",
        MIX,
        "--out",
        str(out_dir),
        "--formats",
        "md,csv,plan-csv,html",
        "--db",
        db,
    )
    assert code == 0, err
    for text in (out, err):
        assert_clean_terminal(text)
    assert f"wasp review: {SHOWN}" in out  # the workload name in the table title
    assert f"security group {SHOWN} allows SSH" in out  # the plan example
    assert "o[/]ut" in err

    code, out, err = run(capsys, "show", "latest", "--db", db)
    assert code == 0, err
    assert_clean_terminal(out)
    assert SHOWN in out

    code, out, err = run(capsys, "milestone", "create", "m[/]\x1b[2Jx", "--db", db)
    assert code == 0, err
    assert_clean_terminal(err)
    assert "milestone m[/]x -> review 1" in err
    code, out, err = run(capsys, "milestones", "--db", db)
    assert code == 0, err
    assert_clean_terminal(out)
    assert "m[/]x" in out

    code, out, err = run(capsys, "history", "--db", db, "--png", str(tmp_path / "h.png"))
    assert code == 0, err
    assert_clean_terminal(out)
    assert "m[/]x" in out and (tmp_path / "h.png").stat().st_size > 1000

    code, out, err = run(capsys, "history", "--db", db, "--workload", MIX)
    assert code == 0, err
    assert f"History of {SHOWN}" in out


# --- a hostile review file -------------------------------------------------------------------------------------


def plant(doc: dict[str, Any]) -> dict[str, Any]:
    """The demo review with hostile text in every free-text field a report or command prints."""
    doc = copy.deepcopy(doc)
    doc["workload"] = MIX
    doc["_history_chart"] = "http://127.0.0.1:9/chart.png"
    doc["_history_png"] = "http://127.0.0.1:9/chart.png"
    for i, f in enumerate(doc["findings"]):
        f["message"] = FORMULA if i % 2 else MIX
        f["resource"]["id"] = MIX
        if f["status"] == "fail":
            f["resource"]["arn"] = MIX
    for q in doc["questions"]:
        q["title"] = MIX
        for bp in q["best_practices"]:
            bp["title"] = MIX
            bp["reason"] = FORMULA
            if bp.get("attestation"):
                bp["attestation"]["owner"] = MIX
                bp["attestation"]["notes"] = MIX
    for item in doc["improvement_plan"]:
        item["title"] = MIX
        item["action"] = FORMULA
        item["owner"] = MIX
        for rem in item["remediation"]:
            rem["cli"] = MIX
            rem["console"] = MIX
    for gap in doc["gaps"]:
        gap["message"] = MIX
    return doc


@pytest.fixture
def hostile_review(tmp_path: Path, demo_doc: dict[str, Any]) -> Path:
    """The planted review as a file (still a valid wasp.review/1 document)."""
    path = tmp_path / "review.json"
    path.write_text(json.dumps(plant(demo_doc)), encoding="utf-8")
    return path


def test_the_planted_review_plants_what_it_says(hostile_review: Path) -> None:
    doc = json.loads(hostile_review.read_text())
    assert doc["improvement_plan"] and any(f["status"] == "fail" for f in doc["findings"])
    assert any(bp.get("attestation") for q in doc["questions"] for bp in q["best_practices"])


@pytest.mark.parametrize("name", ["csv", "csv-practices", "plan-csv"])
def test_every_csv_export_neutralises_formulas(
    hostile_review: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = run(capsys, "report", str(hostile_review), "-f", name)
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out
    rows = list(csv.reader(io.StringIO(out)))
    cells = [cell for row in rows[1:] for cell in row]
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    # the planted formula is there, neutralised: a message (csv), a reason (csv-practices), an action (plan-csv)
    assert any(c.startswith("'" + FORMULA) for c in cells)
    if name == "csv":
        assert any(c.startswith("web[/] [bold red]x  a\nb") for c in cells)  # escapes removed, text kept


def test_markdown_report_renders_hostile_text_as_text(
    hostile_review: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "report", str(hostile_review), "-f", "md")
    assert code == 0, err
    assert_clean_terminal(out)
    prose = re.sub(r"(`+).*?\1", "", out)  # a code span shows its text literally, so only prose can link
    assert "<img" not in prose and "![" not in prose
    assert not re.search(r"(?<!\\)\]\(", prose)  # no unescaped "](": no link, no image
    assert "&lt;img src=" in out and "web\\[/\\] \\[bold red\\]x" in out
    table_rows = [line for line in out.splitlines() if line.startswith("| SEC")]
    assert table_rows and all(
        line.count(" | ") == 6 for line in table_rows
    )  # no cell broke out of its column


def external_urls(html: str) -> list[str]:
    """Every URL the page would load or link (attributes, inline CSS) that is not data:, an in-page anchor or a
    link to AWS's guidance page of a best practice."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Urls(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if name in ("src", "href", "srcset", "poster", "data", "action") and value:
                    found.append(value)
                elif name == "style" and value:
                    found.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", value))

        def handle_data(self, data: str) -> None:
            if self.lasttag == "style":
                found.extend(re.findall(r"url\(\s*['\"]?([^'\")]+)", data))

    parser = Urls()
    parser.feed(html)
    return [u for u in found if not u.startswith(("data:", "#", GUIDANCE))]


def test_html_report_embeds_nothing_from_the_network(hostile_review: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    with pytest.raises(SystemExit) as exc:
        main(["report", str(hostile_review), "-f", "html", "-o", str(target)])
    assert exc.value.code == 0
    html = target.read_text()
    assert external_urls(html) == []
    assert IMG not in html and "&lt;img src=&#34;http://127.0.0.1:9/x&#34;&gt;" in html
    assert 'id="history"' not in html  # the planted chart URL is ignored
    assert "\x1b" not in html and "\x07" not in html


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A socket on 127.0.0.1 that records whether anything connected."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    yield srv
    srv.close()


def _connected(srv: socket.socket) -> bool:
    try:
        conn, _ = srv.accept()
    except TimeoutError:
        return False
    conn.close()
    return True


def test_pdf_fetcher_refuses_everything_but_data_uris(listener: socket.socket) -> None:
    from wasp.report.formats.pdf import html_to_pdf

    port = listener.getsockname()[1]
    planted = f"http://127.0.0.1:{port}/x"
    html = (
        f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"></head>'
        f'<body style="background: url(http://127.0.0.1:{port}/bg)"><img src="{planted}">'
        '<img src="file:///etc/hostname"><img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ'
        'AAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="><p>text</p></body></html>'
    )
    out = io.BytesIO()
    fetcher = html_to_pdf(html, out)
    assert out.getvalue().startswith(b"%PDF")
    assert planted in fetcher.refused and "file:///etc/hostname" in fetcher.refused
    assert f"http://127.0.0.1:{port}/s.css" in fetcher.refused
    assert not any(u.startswith("data:") for u in fetcher.refused)
    assert not _connected(listener)


def test_pdf_of_a_hostile_review_fetches_nothing(
    demo_doc: dict[str, Any], listener: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wasp.report.formats import pdf

    port = listener.getsockname()[1]
    doc = plant(demo_doc)
    doc["_history_chart"] = doc["_history_png"] = f"http://127.0.0.1:{port}/chart.png"
    doc["findings"][0]["message"] = f'<img src="http://127.0.0.1:{port}/x">'
    made: list[Any] = []
    original = pdf.data_only_fetcher

    def recording() -> Any:
        made.append(original())
        return made[-1]

    monkeypatch.setattr(pdf, "data_only_fetcher", recording)
    out = io.BytesIO()
    pdf.REPORTER.render(doc, out)
    assert out.getvalue().startswith(b"%PDF")
    assert len(made) == 1 and made[0].refused == []  # nothing from the review even reached the fetcher
    assert not _connected(listener)


def test_compliance_diff_and_fix_plan_print_hostile_text_as_text(
    hostile_review: Path, tmp_path: Path, demo_doc: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    for fmt in ("table", "md"):
        code, out, err = run(capsys, "compliance", str(hostile_review), "-f", fmt)
        assert code == 0, err
        assert_clean_terminal(out)

    before = tmp_path / "before.json"
    clean = copy.deepcopy(demo_doc)
    for f in clean["findings"]:
        f["status"] = "pass"
    before.write_text(json.dumps(clean))
    code, out, err = run(capsys, "diff", str(before), str(hostile_review))
    assert code == 0, err
    assert_clean_terminal(out)
    assert "NEW: " in out and SHOWN in out

    code, out, err = run(capsys, "fix", "plan", str(hostile_review))
    assert code == 0, err
    assert_clean_terminal(out)
    assert_clean_terminal(err)
    assert "fixable finding(s)" in out and SHOWN in out


def test_waiver_list_and_log_print_hostile_text_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - id: 'W[/]1'\n"
        "    rule: ec2_sg_no_world_ingress\n"
        '    resource: "web[/]*"\n'
        '    owner: "[bold red]x \\e[2J \\e]0;pwn\\a"\n'
        '    reason: "Kept [/] until =HYPERLINK(1) \\e[31m line\\nbreak"\n'
        "    expires: 2099-01-01\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "w.db")
    code, out, err = run(capsys, "waiver", "import", str(waivers), "--db", db, "--actor", "x\x1b[2Jy")
    assert code == 0, err
    assert_clean_terminal(err)
    assert "W[/]1: created" in err
    code, out, err = run(capsys, "waiver", "list", "--db", db)
    assert code == 0, err
    assert_clean_terminal(out)
    assert "W[/]1" in out and "[bold red]x" in out and "Kept [/] until =HYPERLINK(1)  line\\nbreak" in out
    code, out, err = run(capsys, "waiver", "log", "--db", db)
    assert code == 0, err
    assert_clean_terminal(out)
    assert "xy created W[/]1" in out


# --- wasp scan: hostile paths and template text ----------------------------------------------------------------

TEMPLATE = """AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: "web[/] [bold red]x \\e[2J\\e]0;pwn\\a"
      GroupDescription: d
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
"""


def test_scan_table_prints_hostile_paths_and_names_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a[").mkdir()
    (tmp_path / "a[" / "]b.yaml").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "x\x1b[2J\ny.yaml").write_text(TEMPLATE, encoding="utf-8")
    code, out, err = run(capsys, "scan", str(tmp_path))
    assert code == 0, err
    assert_clean_terminal(out)
    assert_clean_terminal(err)
    assert "a[/]b.yaml:" in out  # the path a[/]b.yaml, shown as it is
    assert "x\\ny.yaml:" in out  # the newline in a file name shown escaped, the escape removed
    assert "security group web[/] [bold red]x  allows SSH" in out

    code, out, err = run(capsys, "scan", str(tmp_path), "-f", "junit")
    assert code == 0, err
    from xml.etree import ElementTree

    suite = ElementTree.fromstring(out)  # control characters from the template would make it unparseable
    assert int(suite.get("failures") or 0) >= 2 and "\x1b" not in out


def test_an_error_naming_a_hostile_file_is_one_clean_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "r\x1b[2J\nx[/].json"
    code, _, err = run(capsys, "report", str(missing))
    assert code == 2
    assert_clean_terminal(err)
    assert err.count("\n") == 1 and "r\\nx[/].json: review not found" in err


def test_a_rich_table_cell_with_markup_never_crashes() -> None:
    buf = io.StringIO()
    table = Table()
    table.add_column("name")
    for text in ("web[/]", "[/bold]", "[link=http://evil]x[/link]", "x\\", MIX):
        table.add_row(safe(text))
    Console(file=buf, width=400, color_system=None).print(table)
    assert "web[/]" in buf.getvalue() and "[link=http://evil]x[/link]" in buf.getvalue()
