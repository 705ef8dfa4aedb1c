"""Inspector's findings and coverage: read (active, fixable, critical/high, oldest first, bounded), weighed by rules."""

from __future__ import annotations

from typing import Any

from botocore.stub import ANY

from conftest import NOW
from service_findings_stubs import (
    ACCOUNT,
    REGION,
    StubbedFactory,
    coverage,
    inspector_finding,
    inspector_status,
    run,
)
from wasp.collect.inspector import InspectorCollector
from wasp.collect.inspector_findings import FILTER
from wasp.engine.evaluate import evaluate
from wasp.model import (
    ACCOUNT_TYPE,
    SUPPLEMENTARY,
    FindingStatus,
    Inventory,
    Origin,
    OriginKind,
    Resource,
    Unresolved,
)
from wasp.model.rule import FindingThresholds, RuleContext, WorkloadScope
from wasp.rules import load_rules

WEB, BATCH, NEW = "i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60003"
PATCHED = "inspector_vulnerabilities_patched"
COVERED = "inspector_coverage_complete"


def _instance(iid: str) -> Resource:
    return Resource(
        "AWS::EC2::Instance",
        iid,
        {SUPPLEMENTARY: {"State": "running"}},
        Origin(OriginKind.LIVE, ACCOUNT, REGION),
    )


def _review(resources: list[Resource], gaps: list[Any] = (), **limits: Any) -> dict[str, Any]:  # type: ignore[assignment]
    inv = Inventory()
    inv.mark_collected(ACCOUNT_TYPE, "AWS::EC2::Instance", "AWS::ECR::Repository", "AWS::Lambda::Function")
    inv.extend(resources)
    for g in gaps:
        inv.add_gap(g)
    rules = [r for r in load_rules() if r.id in (PATCHED, COVERED)]
    scope = WorkloadScope(regions=(REGION,), findings=FindingThresholds(**limits))
    result = evaluate(rules, inv, RuleContext(inventory=inv, workload=scope, now=NOW), observed_at=NOW)
    return {"findings": {f.rule: f for f in result.findings}, "gaps": result.gaps}


def _stubbed(findings: list[dict[str, Any]], covered: list[dict[str, Any]]) -> StubbedFactory:
    factory = StubbedFactory()
    stub = factory.stub("inspector2")
    inspector_status(stub)
    stub.add_response(
        "list_findings",
        {"findings": findings},
        {
            "filterCriteria": FILTER,
            "sortCriteria": {"field": "FIRST_OBSERVED_AT", "sortOrder": "ASC"},
            "maxResults": 100,
        },
    )
    stub.add_response("list_coverage", {"coveredResources": covered}, {"maxResults": 100})
    return factory


def test_an_overdue_fixable_vulnerability_fails_with_its_finding_and_instance() -> None:
    factory = _stubbed(
        [
            inspector_finding("old", "2026-04-01T00:00:00+00:00"),
            inspector_finding("new", "2026-05-28T00:00:00+00:00"),
        ],
        [coverage(WEB)],
    )
    [account], api = run(InspectorCollector(), factory)
    assert not api.gaps
    region = account.properties["Regions"][REGION]
    assert region["InspectorFindings"]["Findings"][0]["Resource"] == {
        "Type": "AWS::EC2::Instance",
        "Id": WEB,
    }
    # the instance was not collected: the finding is judged on the account, naming the instance
    got = _review([account])["findings"]
    patched = got[PATCHED]
    assert patched.status is FindingStatus.FAIL and patched.source == "inspector"
    assert patched.evidence["failing_finding_ids"] == [f"arn:aws:inspector2:{REGION}:{ACCOUNT}:finding/old"]
    assert patched.evidence["linked_resources"] == [f"AWS::EC2::Instance/{WEB}"]
    assert patched.severity.value == "high"
    # collected, the instance carries it (tests/test_inspector_resources.py) and the account no longer does
    got = _review([account, _instance(WEB)])["findings"]
    assert got[PATCHED].status is FindingStatus.PASS
    assert got[PATCHED].evidence["findings_judged_on_their_resource"] == 2
    assert got[COVERED].status is FindingStatus.PASS


def test_an_exploit_makes_it_critical_and_the_window_is_the_workloads() -> None:
    factory = _stubbed([inspector_finding("old", "2026-04-01T00:00:00+00:00", exploit="YES")], [])
    [account], _ = run(InspectorCollector(), factory)
    assert _review([account])["findings"][PATCHED].severity.value == "critical"
    assert (
        _review([account], inspector_patch_window_days=90)["findings"][PATCHED].status is FindingStatus.PASS
    )


def test_unscanned_and_uncovered_resources_fail_coverage() -> None:
    factory = _stubbed([], [coverage(WEB), coverage(BATCH, "INACTIVE", reason="NO_INVENTORY")])
    [account], _ = run(InspectorCollector(), factory)
    covered = _review([account, _instance(WEB), _instance(BATCH), _instance(NEW)])["findings"][COVERED]
    assert covered.status is FindingStatus.FAIL
    assert covered.evidence["not_scanned"] == [
        f"AWS::EC2::Instance/{BATCH} (NO_INVENTORY)",
        f"AWS::EC2::Instance/{NEW} (not in Inspector's coverage)",
    ]


def test_denied_findings_are_unknown_and_the_gap_names_the_rule() -> None:
    factory = StubbedFactory()
    stub = factory.stub("inspector2")
    inspector_status(stub)
    stub.add_client_error("list_findings", service_error_code="AccessDeniedException", http_status_code=403)
    stub.add_response("list_coverage", {"coveredResources": []})
    [account], api = run(InspectorCollector(), factory)
    assert isinstance(account.properties["Regions"][REGION]["InspectorFindings"]["Findings"], Unresolved)
    [gap] = api.gaps
    assert (gap.operation, gap.error) == (
        "list_findings",
        "access_denied",
    ) and "inspector2:ListFindings" in gap.message
    result = _review([account], api.gaps)
    assert result["findings"][PATCHED].status is FindingStatus.UNKNOWN
    assert result["findings"][COVERED].status is FindingStatus.PASS
    assert [g.rules for g in result["gaps"]] == [(PATCHED,)]


def test_inspector_off_reads_no_findings_and_decides_nothing() -> None:
    factory = StubbedFactory()
    inspector_status(factory.stub("inspector2"), enabled=False)
    [account], _ = run(InspectorCollector(), factory)
    assert "InspectorFindings" not in account.properties["Regions"][REGION]
    got = _review([account])["findings"]
    assert got[PATCHED].status is FindingStatus.UNKNOWN and got[COVERED].status is FindingStatus.UNKNOWN


def test_findings_past_the_cap_are_left_unread_and_reported() -> None:
    factory = StubbedFactory()
    stub = factory.stub("inspector2")
    inspector_status(stub)
    recent = "2026-05-30T00:00:00+00:00"
    stub.add_response(
        "list_findings",
        {"findings": [inspector_finding(f"a{i}", recent) for i in range(100)], "nextToken": "t"},
    )
    stub.add_response(
        "list_findings",
        {"findings": [inspector_finding(f"b{i}", recent) for i in range(100)], "nextToken": "t2"},
        {"filterCriteria": ANY, "sortCriteria": ANY, "maxResults": 100, "nextToken": "t"},
    )
    stub.add_response(
        "list_coverage", {"coveredResources": [coverage(f"i-{i:017x}") for i in range(100)], "nextToken": "c"}
    )
    stub.add_response(
        "list_coverage",
        {"coveredResources": [coverage(f"i-{i + 1000:017x}") for i in range(100)], "nextToken": "c2"},
        {"maxResults": 100, "nextToken": "c"},
    )
    [account], _ = run(InspectorCollector(), factory, FindingThresholds(max_findings_per_service=150))
    region = account.properties["Regions"][REGION]
    assert (
        len(region["InspectorFindings"]["Findings"]) == 150 and region["InspectorFindings"]["Capped"] is True
    )
    assert region["InspectorCoverage"]["Capped"] is True
    got = _review([account], max_findings_per_service=150)["findings"]
    assert got[PATCHED].status is FindingStatus.PASS, "read oldest first: every unread finding is newer still"
    assert got[COVERED].status is FindingStatus.UNKNOWN and "cut short" in got[COVERED].message
