"""GuardDuty's own findings: read (active, severe enough, bounded), linked to resources, weighed by a rule."""

from __future__ import annotations

from typing import Any

from botocore.stub import ANY

from conftest import NOW
from service_findings_stubs import ACCOUNT, REGION, StubbedFactory, gd_finding, run
from wasp.collect.guardduty import GuardDutyCollector
from wasp.engine.evaluate import evaluate
from wasp.model import SUPPLEMENTARY, FindingStatus, Inventory, Unresolved
from wasp.model.rule import FindingThresholds, RuleContext, WorkloadScope
from wasp.rules import load_rules

RULE = "guardduty_findings_resolved"


def _detector(stub: Any, enabled: bool = True) -> None:
    stub.add_response("list_detectors", {"DetectorIds": ["d1"]})
    stub.add_response(
        "get_detector",
        {"Status": "ENABLED" if enabled else "DISABLED", "ServiceRole": "r"},
        {"DetectorId": "d1"},
    )


def _review(resources: list[Any], gaps: list[Any], thresholds: FindingThresholds | None = None) -> Any:
    inv = Inventory()
    inv.mark_collected("AWS::GuardDuty::Detector", "AWS::::Account")
    inv.extend(resources)
    for g in gaps:
        inv.add_gap(g)
    rules = [r for r in load_rules() if r.id == RULE]
    scope = WorkloadScope(regions=(REGION,), findings=thresholds or FindingThresholds())
    return evaluate(rules, inv, RuleContext(inventory=inv, workload=scope, now=NOW), observed_at=NOW)


def test_an_old_high_finding_fails_with_its_id_and_resource_in_evidence() -> None:
    factory = StubbedFactory()
    gd = factory.stub("guardduty")
    _detector(gd)
    gd.add_response(
        "list_findings",
        {"FindingIds": ["f-old", "f-new"]},
        {
            "DetectorId": "d1",
            "FindingCriteria": {
                "Criterion": {
                    "service.archived": {"Equals": ["false"]},
                    "severity": {"GreaterThanOrEqual": 7},
                    "updatedAt": {"GreaterThanOrEqual": ANY},
                }
            },
            "SortCriteria": {"AttributeName": "severity", "OrderBy": "DESC"},
            "MaxResults": 50,
        },
    )
    gd.add_response(
        "get_findings",
        {"Findings": [gd_finding("f-old", 8.5), gd_finding("f-new", 7.0, created="2026-05-30T00:00:00Z")]},
        {"DetectorId": "d1", "FindingIds": ["f-old", "f-new"], "SortCriteria": ANY},
    )
    [detector], api = run(GuardDutyCollector(), factory)
    assert not api.gaps
    sup = detector.properties[SUPPLEMENTARY]
    assert [f["Id"] for f in sup["Findings"]] == ["f-old", "f-new"] and sup["FindingsCapped"] is False
    assert sup["Findings"][0]["Resource"] == {"Type": "AWS::EC2::Instance", "Id": "i-0123456789abcdef0"}
    [finding] = _review([detector], []).findings
    assert finding.status is FindingStatus.FAIL and finding.source == "guardduty"
    assert finding.evidence["failing_finding_ids"] == ["f-old"]
    assert finding.evidence["linked_resources"] == ["AWS::EC2::Instance/i-0123456789abcdef0"]
    assert "f-old" in finding.message and "UnauthorizedAccess:EC2/SSHBruteForce" in finding.message


def test_archived_findings_are_not_counted() -> None:
    factory = StubbedFactory()
    gd = factory.stub("guardduty")
    _detector(gd)
    gd.add_response("list_findings", {"FindingIds": ["f-archived"]})
    gd.add_response("get_findings", {"Findings": [gd_finding("f-archived", archived=True)]})
    [detector], _ = run(GuardDutyCollector(), factory)
    assert detector.properties[SUPPLEMENTARY]["Findings"] == []
    [finding] = _review([detector], []).findings
    assert finding.status is FindingStatus.PASS


def test_denied_findings_are_unknown_and_the_gap_names_the_rule() -> None:
    factory = StubbedFactory()
    gd = factory.stub("guardduty")
    _detector(gd)
    gd.add_client_error("list_findings", service_error_code="AccessDeniedException", http_status_code=403)
    [detector], api = run(GuardDutyCollector(), factory)
    assert isinstance(detector.properties[SUPPLEMENTARY]["Findings"], Unresolved)
    [gap] = api.gaps
    assert (gap.operation, gap.error, gap.resource_id) == ("list_findings", "access_denied", "d1")
    assert "guardduty:ListFindings" in gap.message
    result = _review([detector], list(api.gaps))
    [finding] = result.findings
    assert finding.status is FindingStatus.UNKNOWN
    assert [g.rules for g in result.gaps] == [(RULE,)]


def test_a_suspended_detector_is_unknown_and_its_findings_not_read() -> None:
    factory = StubbedFactory()
    _detector(factory.stub("guardduty"), enabled=False)
    [detector], _ = run(GuardDutyCollector(), factory)
    [finding] = _review([detector], []).findings
    assert finding.status is FindingStatus.UNKNOWN and "suspended" in finding.message


def test_pages_are_followed_up_to_the_cap_and_the_cap_is_reported() -> None:
    factory = StubbedFactory()
    gd = factory.stub("guardduty")
    _detector(gd)
    page1 = [f"f{i:03d}" for i in range(50)]
    page2 = [f"f{i:03d}" for i in range(50, 100)]
    gd.add_response("list_findings", {"FindingIds": page1, "NextToken": "t1"})
    gd.add_response(
        "list_findings",
        {"FindingIds": page2, "NextToken": "t2"},
        {
            "DetectorId": "d1",
            "FindingCriteria": ANY,
            "SortCriteria": ANY,
            "MaxResults": 50,
            "NextToken": "t1",
        },
    )
    recent = "2026-05-31T00:00:00Z"
    gd.add_response(
        "get_findings",
        {"Findings": [gd_finding(i, created=recent) for i in page1]},
        {"DetectorId": "d1", "FindingIds": page1, "SortCriteria": ANY},
    )
    gd.add_response(
        "get_findings",
        {"Findings": [gd_finding(i, created=recent) for i in page2[:20]]},
        {"DetectorId": "d1", "FindingIds": page2[:20], "SortCriteria": ANY},
    )
    cap = FindingThresholds(max_findings_per_service=70)
    [detector], _ = run(GuardDutyCollector(), factory, cap)
    sup = detector.properties[SUPPLEMENTARY]
    assert len(sup["Findings"]) == 70 and sup["FindingsCapped"] is True
    [finding] = _review([detector], [], cap).findings
    assert finding.status is FindingStatus.UNKNOWN, "none read is old, but the unread ones may be"
    assert "cap 70" in finding.message


def test_the_workload_threshold_sets_the_severity_read() -> None:
    factory = StubbedFactory()
    gd = factory.stub("guardduty")
    _detector(gd)
    criteria = {
        "Criterion": {
            "service.archived": {"Equals": ["false"]},
            "severity": {"GreaterThanOrEqual": 4},
            "updatedAt": {"GreaterThanOrEqual": ANY},
        }
    }
    gd.add_response(
        "list_findings",
        {"FindingIds": []},
        {"DetectorId": "d1", "FindingCriteria": criteria, "SortCriteria": ANY, "MaxResults": 50},
    )
    [detector], _ = run(GuardDutyCollector(), factory, FindingThresholds(guardduty_min_severity=4.5))
    assert detector.properties[SUPPLEMENTARY]["Findings"] == []


def test_findings_name_the_resource_they_concern() -> None:
    from wasp.collect.guardduty_findings import linked_resource

    assert linked_resource(
        {"ResourceType": "AccessKey", "AccessKeyDetails": {"AccessKeyId": "AKIAEXAMPLE", "UserName": "ci"}}
    ) == {"Type": "AWS::IAM::AccessKey", "Id": "AKIAEXAMPLE"}
    assert linked_resource({"ResourceType": "S3Bucket", "S3BucketDetails": [{"Name": "ledger"}]}) == {
        "Type": "AWS::S3::Bucket",
        "Id": "ledger",
    }
    assert linked_resource({"ResourceType": "S3Bucket", "S3BucketDetails": []}) is None
    assert linked_resource({"ResourceType": "Unknown"}) is None
    assert ACCOUNT
