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


def _from_guardduty(doc: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The demo review with every finding of one failing rule marked as coming from GuardDuty."""
    doc = copy.deepcopy(doc)
    item = doc["improvement_plan"][0]
    by_id = {f["id"]: f for f in doc["findings"]}
    rule = by_id[item["findings"][0]]["rule"]
    for f in doc["findings"]:
        if f["rule"] == rule:
            f["source"] = "guardduty"
    return doc, by_id[item["findings"][0]]


def test_a_finding_carries_its_rules_source_into_the_review_json() -> None:
    resource = example_resource("AWS::DynamoDB::Table", {"TableName": "t"})
    ctx = RuleContext(inventory=None)  # type: ignore[arg-type]
    own = evaluate_resource(_rule("rule"), resource, ctx, "2026-01-01T00:00:00+00:00")
    service = evaluate_resource(_rule("guardduty"), resource, ctx, "2026-01-01T00:00:00+00:00")
    assert own is not None and service is not None and service.status is FindingStatus.FAIL
    assert (own.source, service.source) == ("rule", "guardduty")
    assert finding_dict(service)["source"] == "guardduty"
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
    doc, first = _from_guardduty(demo_doc)
    html = HTML.html(doc)
    assert '<span class="source">from GuardDuty</span>' in html, "badge beside the rule in the plan"
    assert '<span class="source">from GuardDuty</span>' not in HTML.html(demo_doc)
    data = blob(html)
    col = {name: i for i, name in enumerate(data["columns"])}
    assert data["columns"] == list(COLUMNS) and "source" in col
    s = data["strings"]
    sources = {s[r[col["id"]]]: s[r[col["source"]]] for r in data["rows"]}
    assert sources[first["id"]] == "GuardDuty"
    assert {sources[f["id"]] for f in doc["findings"] if f.get("source") != "guardduty"} == {"wasp"}
    md = _render(MD, doc)
    assert f"`{first['rule']}` from GuardDuty (" in md
    rows = {r["finding_id"]: r for r in csv.DictReader(io.StringIO(_render(CSV, doc)))}
    assert rows[first["id"]]["source"] == "guardduty"


def test_the_terminal_plan_names_the_service(demo_result: Any) -> None:
    from wasp.report.terminal import print_summary

    review = demo_result.run.review
    first = next(f for f in review.findings if f.id == review.plan[0].findings[0])
    marked = replace(
        review,
        findings=tuple(
            replace(f, source="inspector") if f.rule == first.rule else f for f in review.findings
        ),
    )
    out = io.StringIO()
    print_summary(marked, Console(file=out, width=200, color_system=None))
    assert f"{first.rule} from Inspector" in out.getvalue()
    out = io.StringIO()
    print_summary(review, Console(file=out, width=200, color_system=None))
    assert " from Inspector" not in out.getvalue()


def test_labels() -> None:
    assert source_label("securityhub") == "Security Hub" and source_label("newsvc") == "newsvc"
    assert from_service({"source": "rule"}) is None and from_service({}) is None
    assert from_service({"source": "macie"}) == "Macie"
