"""Each finding says where its evidence comes from (``source``): wasp's own rule or a security service."""

from __future__ import annotations

import copy
import csv
import io
import json
from dataclasses import replace
from typing import Any

import pytest
from rich.console import Console

from test_report_html import blob
from wasp.engine.evaluate import evaluate_resource
from wasp.model import FindingStatus
from wasp.model.rule import Rule, RuleContext, example_resource
from wasp.report.base import review_document
from wasp.report.document import finding_dict
from wasp.report.findings_table import COLUMNS
from wasp.report.formats.csv_findings import REPORTER as CSV
from wasp.report.formats.html import REPORTER as HTML
from wasp.report.formats.markdown import REPORTER as MD
from wasp.report.sources import from_service, source_label, source_of
from wasp.rules import load_rules
from wasp.schemas.finding_types import findings_valid
from wasp.schemas.validate import SchemaMismatch, validate


def _rule(source: str) -> Rule:
    rule = next(r for r in load_rules() if r.id == "dynamodb_point_in_time_recovery")
    return replace(rule, meta=replace(rule.meta, source=source))


def _from_macie(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The demo review with every finding of one failing rule marked as coming from Macie."""
    doc = copy.deepcopy(doc)
    item = doc["improvement_plan"][0]
    by_id = {f["id"]: f for f in doc["findings"]}
    rule = by_id[item["findings"][0]]["rule"]
    for f in doc["findings"]:
        if f["rule"] == rule:
            f["source"] = "macie"
    return doc, by_id[item["findings"][0]]


def test_a_finding_carries_its_rules_source_into_the_review_json() -> None:
    resource = example_resource("AWS::DynamoDB::Table", {"TableName": "t"})
    ctx = RuleContext(inventory=None)  # type: ignore[arg-type]
    own = evaluate_resource(_rule("rule"), resource, ctx, "2026-01-01T00:00:00+00:00")
    service = evaluate_resource(_rule("macie"), resource, ctx, "2026-01-01T00:00:00+00:00")
    assert own is not None and service is not None and service.status is FindingStatus.FAIL
    assert (own.source, service.source) == ("rule", "macie")
    assert finding_dict(service)["source"] == "macie"
    assert findings_valid([finding_dict(service)])


def test_every_demo_finding_has_a_source_and_the_document_validates(demo_doc: dict[str, Any]) -> None:
    assert all(f["source"] for f in demo_doc["findings"])
    validate("review", demo_doc)


def test_a_review_written_before_sources_loads_and_reads_as_rule(demo_doc: dict[str, Any]) -> None:
    old = copy.deepcopy(demo_doc)
    for f in old["findings"]:
        f.pop("source", None)
    for r in old.get("rules", []):
        r.pop("source", None)
    loaded = review_document(json.dumps(old), "old.json", "write it again")
    assert {source_of(f) for f in loaded["findings"]} == {"rule"}
    rows = list(csv.DictReader(io.StringIO(_render(CSV, loaded))))
    assert {r["source"] for r in rows} == {"rule"}


@pytest.mark.parametrize("bad", ["Guard Duty", "", 7])
def test_the_schema_refuses_a_malformed_source(demo_doc: dict[str, Any], bad: object) -> None:
    doc = copy.deepcopy(demo_doc)
    doc["findings"][0]["source"] = bad
    assert not findings_valid(doc["findings"])
    with pytest.raises(SchemaMismatch):
        validate("review", doc)


def _render(reporter: Any, doc: Any) -> str:
    buf = io.StringIO()
    reporter.render(doc, buf)
    return buf.getvalue()


def test_reports_show_the_service_behind_a_finding(demo_doc: dict[str, Any]) -> None:
    doc, first = _from_macie(demo_doc)
    html = HTML.html(doc)
    assert '<span class="source">from Macie</span>' in html, "badge beside the rule in the plan"
    assert '<span class="source">from Macie</span>' not in HTML.html(demo_doc)
    data = blob(html)
    col = {name: i for i, name in enumerate(data["columns"])}
    assert data["columns"] == list(COLUMNS) and "source" in col
    s = data["strings"]
    sources = {s[r[col["id"]]]: s[r[col["source"]]] for r in data["rows"]}
    assert sources[first["id"]] == "Macie"
    assert {sources[f["id"]] for f in doc["findings"] if f.get("source") == "rule"} == {"wasp"}
    md = _render(MD, doc)
    assert f"`{first['rule']}` from Macie (" in md
    rows = {r["finding_id"]: r for r in csv.DictReader(io.StringIO(_render(CSV, doc)))}
    assert rows[first["id"]]["source"] == "macie"


def test_the_terminal_plan_names_the_service(demo_result: Any) -> None:
    from wasp.report.terminal import print_summary

    review = demo_result.run.review
    first = next(f for f in review.findings if f.id == review.plan[0].findings[0])
    marked = replace(
        review,
        findings=tuple(replace(f, source="config") if f.rule == first.rule else f for f in review.findings),
    )
    out = io.StringIO()
    print_summary(marked, Console(file=out, width=200, color_system=None))
    assert f"{first.rule} from AWS Config" in out.getvalue()
    out = io.StringIO()
    print_summary(review, Console(file=out, width=200, color_system=None))
    assert " from AWS Config" not in out.getvalue()


def test_labels() -> None:
    assert source_label("securityhub") == "Security Hub" and source_label("newsvc") == "newsvc"
    assert from_service({"source": "rule"}) is None and from_service({}) is None
    assert from_service({"source": "macie"}) == "Macie"


def test_the_demo_shows_findings_from_each_security_service(demo_doc: dict[str, Any]) -> None:
    failing = {f["rule"]: f for f in demo_doc["findings"] if f["status"] == "fail" and f["source"] != "rule"}
    assert {f["source"] for f in failing.values()} == {"guardduty", "inspector", "securityhub", "config"}
    gd = failing["guardduty_findings_resolved"]
    assert gd["evidence"]["failing_finding_ids"] == ["3ac6demo0001", "3ac6demo0003"], (
        "the 2-day-old one is new"
    )
    # Inspector's findings are judged on the instance and the image's repository they name
    bastion = failing["ec2_instance_vulnerabilities_patched"]
    assert bastion["severity"] == "critical", "a known exploit"
    assert bastion["evidence"]["failing_finding_ids"][0].endswith("finding/demo0000000000001")
    image = failing["ecr_repository_vulnerabilities_patched"]
    assert image["evidence"]["images"] == ["2024.11.3"] and image["severity"] == "high"
    sh = failing["securityhub_failed_controls"]["evidence"]
    assert sh["controls_wasp_also_checks"] == {"S3.8": ["s3_bucket_public_access_block"]}
    assert sh["controls_only_security_hub_evidences"] == ["RDS.8", "S3.9"], "the suppressed EC2.8 is left out"
    html = HTML.html(demo_doc)
    for label in ("GuardDuty", "Inspector", "Security Hub", "AWS Config"):
        assert f'<span class="source">from {label}</span>' in html
