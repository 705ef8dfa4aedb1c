"""The demo shows AWS Config's own evaluations (non-compliant rules, a conformance pack) with source `config`."""

from __future__ import annotations

from typing import Any

from wasp.demo.config_findings import PACK, RULES
from wasp.demo.evidence import service_counts, service_line
from wasp.report.formats.html import REPORTER as HTML


def _config(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["resource"]["id"]: f for f in doc["findings"] if f["source"] == "config"}


def test_non_compliant_config_rules_and_the_pack_fail_with_source_config(demo_doc: dict[str, Any]) -> None:
    found = _config(demo_doc)
    assert set(found) == {r.name for r in RULES} | {PACK}
    failing = {rid for rid, f in found.items() if f["status"] == "fail"}
    assert failing == {r.name for r in RULES if r.compliance == "NON_COMPLIANT"} | {PACK}
    assert found["cloudtrail-log-file-validation-enabled"]["status"] == "pass"
    assert found[PACK]["rule"] == "config_conformance_pack_compliant"
    public = found["s3-bucket-level-public-access-prohibited"]["message"]
    assert "1 non-compliant resource(s)" in public and "AWS-ConfigureS3BucketPublicAccessBlock" in public
    assert "2 non-compliant resource(s); no remediation configured" in found["access-keys-rotated"]["message"]
    # Config's rules are read through the demo's answers, not left as gaps
    assert not [g for g in demo_doc["gaps"] if g["service"] == "config"]


def test_the_reports_mark_config_findings(demo_doc: dict[str, Any], demo_result: Any) -> None:
    html = HTML.html(demo_doc)
    assert '<span class="source">from AWS Config</span>' in html
    counts = service_counts(demo_result.run.review)
    assert counts["AWS Config"] == 5 and counts["GuardDuty"] >= 1 and counts["Security Hub"] >= 1
    line = service_line(demo_result.run.review)
    assert line is not None and "AWS Config 5" in line and "Inspector" in line


def test_the_confidential_queue_needs_a_customer_managed_key(demo_doc: dict[str, Any]) -> None:
    # the queue's tags are read live, so its classification is known and the SQS-managed key fails it
    [queue] = [f for f in demo_doc["findings"] if f["rule"] == "sqs_queue_cmk_for_sensitive"]
    assert queue["resource"]["id"] == "payments-events" and queue["status"] == "fail"
    assert "confidential" in queue["message"]
