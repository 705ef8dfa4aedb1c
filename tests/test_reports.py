"""Every report format renders from the review JSON alone; HTML stays self-contained and small at 100k findings."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from wasp.cli.app import main
from wasp.demo.scale import scaled_review
from wasp.errors import InputError
from wasp.report.base import formats, get_format, load_review
from wasp.report.view import GUIDANCE


def render(doc: dict[str, Any], name: str) -> str:
    reporter = get_format(name).reporter
    if reporter.binary:
        raw = io.BytesIO()
        reporter.render(doc, raw)
        return raw.getvalue().decode("latin-1")
    buf = io.StringIO()
    reporter.render(doc, buf)
    return buf.getvalue()


def pdf_pages(data: bytes) -> int:
    """Page count of a PDF whose page tree may sit in compressed object streams."""
    import zlib

    counts = [int(c) for c in re.findall(rb"/Count (\d+)", data)]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            counts += [int(c) for c in re.findall(rb"/Count (\d+)", zlib.decompress(stream))]
        except zlib.error:
            continue
    return max(counts, default=0)


def test_the_formats_are_discovered() -> None:
    assert {"json", "html", "md", "csv", "csv-practices", "plan-csv"} <= set(formats())


@pytest.mark.parametrize("name", sorted(formats()))
def test_every_format_renders_the_demo(demo_doc: dict[str, Any], name: str) -> None:
    text = render(demo_doc, name)
    assert len(text) > 500


def test_csv_rows(demo_doc: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(render(demo_doc, "csv"))))
    assert len(rows) == len(demo_doc["findings"])
    assert {r["status"] for r in rows} >= {"pass", "fail"}
    practices = list(csv.DictReader(io.StringIO(render(demo_doc, "csv-practices"))))
    assert len(practices) == 63 and {p["question"] for p in practices} == {
        f"SEC{i:02d}" for i in range(1, 12)
    }
    plan = list(csv.DictReader(io.StringIO(render(demo_doc, "plan-csv"))))
    assert len(plan) == len(demo_doc["improvement_plan"])
    assert plan[0]["priority"] == "Highest" and "Fix (" in plan[0]["description"]
    assert len({p["stable_id"] for p in plan}) == len(plan)


def test_markdown_has_every_question_and_the_plan(demo_doc: dict[str, Any]) -> None:
    md = render(demo_doc, "md")
    for i in range(1, 12):
        assert f"SEC{i:02d}" in md
    assert "## Improvement plan" in md and "contradicted by evidence" in md


def test_html_is_self_contained(demo_doc: dict[str, Any]) -> None:
    html = render(demo_doc, "html")
    assert 'id="risk-table"' in html and not re.search(r"<script[^>]*\ssrc\s*=", html, re.I), "inline scripts"
    links = re.findall(r'(?:src|href)\s*=\s*"((?:https?:)?//[^"]*)"', html)
    assert links and all(u.startswith(GUIDANCE) for u in links), "no external resources, only guidance links"
    assert "@import" not in html and "url(" not in html
    for q in demo_doc["questions"]:
        assert f'id="{q["id"]}"' in html


def test_html_escapes_content(demo_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(demo_doc)
    doc["workload"] = "<script>alert(1)</script>"
    html = render(doc, "html")
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_html_stays_under_20_mb_at_100k_findings(demo_doc: dict[str, Any]) -> None:
    html = render(scaled_review(demo_doc, 100_000), "html")
    assert len(html.encode()) < 20 * 1024 * 1024  # every finding with its evidence is in the findings table
    assert "and " in html and " more" in html  # aggregated, not listed one by one


def test_report_command(demo_doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = tmp_path / "review.json"
    review.write_text(json.dumps(demo_doc))
    with pytest.raises(SystemExit) as exc:
        main(["report", str(review), "--format", "md"])
    assert exc.value.code == 0 and "# Security Pillar review" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        main(["report", str(review), "-f", "html", "-o", str(tmp_path / "r.html")])
    assert exc.value.code == 0 and (tmp_path / "r.html").stat().st_size > 10_000
    with pytest.raises(SystemExit) as exc:
        main(["report", str(review), "-f", "pdfx"])
    assert exc.value.code == 2 and "unknown report format" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "review not found"),
        ('{"schema": "wasp.review/1",\n  "workload": ', r":2: not valid JSON"),
        ('{"hello": "world"}', "not a wasp review"),
        ('{"schema": "wasp.review/1", "workload": "x"}', "does not match wasp.review/1"),
    ],
)
def test_bad_review_files(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "review.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError, match=message):
        load_review(path)


def test_ocsf_findings_validate_against_the_model(demo_doc: dict[str, Any]) -> None:
    from py_ocsf_models.events.findings.compliance_finding import ComplianceFinding

    items = json.loads(render(demo_doc, "ocsf"))
    assert len(items) == len(demo_doc["findings"])
    for item in items:
        parsed = ComplianceFinding.model_validate(item)
        assert parsed.class_uid == 2003 and parsed.compliance.standards
    failing = [i for i in items if i["compliance"]["status_id"] == 3]
    assert len(failing) == demo_doc["summary"]["findings"]["fail"]


def test_asff_imports_into_security_hub(demo_doc: dict[str, Any], aws: None) -> None:
    import boto3

    hub = boto3.client("securityhub", region_name="eu-west-2")
    hub.enable_security_hub()
    findings = json.loads(render(demo_doc, "asff"))
    assert findings
    imported = 0
    for start in range(0, len(findings), 100):
        got = hub.batch_import_findings(Findings=findings[start : start + 100])
        assert got["FailedCount"] == 0, got.get("FailedFindings")
        imported += got["SuccessCount"]
    assert imported == len(findings)
    stored = hub.get_findings(MaxResults=100)["Findings"]
    assert {f["GeneratorId"] for f in stored} >= {"wasp/ec2_sg_no_world_ingress"}


def test_pdf_has_a_summary_page_and_more(demo_doc: dict[str, Any], tmp_path: Path) -> None:
    from wasp.report.base import write_report

    path = write_report(demo_doc, get_format("pdf"), tmp_path / "review.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert pdf_pages(data) >= 3


def test_sarif_accepts_live_findings_without_files(demo_doc: dict[str, Any]) -> None:
    log = json.loads(render(demo_doc, "sarif"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    not_passing = [f for f in demo_doc["findings"] if f["status"] != "pass"]
    assert len(run["results"]) == len(not_passing)
    for result in run["results"]:
        assert result["ruleId"] in rules and rules[result["ruleId"]]["shortDescription"]["text"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        [loc] = result["locations"]
        assert "logicalLocations" in loc and "physicalLocation" not in loc  # live: no file
        assert result["partialFingerprints"]["waspFinding/v1"].startswith("f-")
    assert all("markdown" in r["help"] and "security-severity" in r["properties"] for r in rules.values())


def test_sarif_iac_findings_get_file_and_line(demo_doc: dict[str, Any]) -> None:
    doc = copy.deepcopy(demo_doc)
    f = next(f for f in doc["findings"] if f["status"] == "fail")
    f["resource"].update(file="templates/app.yaml", line=42, address="DataBucket")
    result = next(
        r
        for r in json.loads(render(doc, "sarif"))["runs"][0]["results"]
        if r["partialFingerprints"]["waspFinding/v1"] == f["id"]
    )
    phys = result["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "templates/app.yaml" and phys["region"]["startLine"] == 42
