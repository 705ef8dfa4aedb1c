"""Security Hub's failed FSBP/CIS controls: read (filtered, bounded), mapped to best practices, weighed by a rule."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from conftest import NOW
from service_findings_stubs import ACCOUNT, REGION, StubbedFactory, run
from wasp.catalogue import load_catalogue
from wasp.catalogue.securityhub import load_controls
from wasp.collect.api import ApiReader
from wasp.collect.clients import ClientFactory
from wasp.collect.securityhub import SecurityHubCollector
from wasp.collect.securityhub_findings import control_id
from wasp.engine.evaluate import evaluate
from wasp.model import SUPPLEMENTARY, FindingStatus, Inventory, Resource, Unresolved
from wasp.model.rule import FindingThresholds, RuleContext, WorkloadScope
from wasp.rules import load_rules

RULE = "securityhub_failed_controls"
HUB = "AWS::SecurityHub::Hub"


def _asff(fid: str, control: str = "S3.8", **changes: Any) -> dict[str, Any]:
    """A consolidated control finding as Security Hub writes it (BatchImportFindings accepts the same shape)."""
    finding = {
        "SchemaVersion": "2018-10-08",
        "Id": fid,
        "ProductArn": f"arn:aws:securityhub:{REGION}::product/aws/securityhub",
        "GeneratorId": f"security-control/{control}",
        "AwsAccountId": "123456789012",
        "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"],
        "CreatedAt": "2026-05-01T00:00:00Z",
        "UpdatedAt": "2026-05-30T00:00:00Z",
        "Severity": {"Label": "HIGH"},
        "Title": f"{control} control failed",
        "Description": "d",
        "Resources": [{"Type": "AwsS3Bucket", "Id": "arn:aws:s3:::ledger"}],
        "Compliance": {"Status": "FAILED", "SecurityControlId": control},
        "RecordState": "ACTIVE",
        "Workflow": {"Status": "NEW"},
    }
    finding.update(changes)
    return finding


def _moto_hub(findings: list[dict[str, Any]]) -> None:
    sh = boto3.client("securityhub", region_name=REGION)
    sh.enable_security_hub(EnableDefaultStandards=False)
    for start in range(0, len(findings), 100):
        sh.batch_import_findings(Findings=findings[start : start + 100])


def _collect(limits: FindingThresholds | None = None) -> tuple[list[Resource], ApiReader]:
    c = SecurityHubCollector()
    api = ApiReader(
        ClientFactory(boto3.session.Session(region_name=REGION)),
        "123456789012",
        REGION,
        c.service,
        c.resource_types,
        (REGION,),
        findings=limits,
    )
    return list(c.collect(api)), api


def _verdict(resources: list[Resource], gaps: Any = (), limits: FindingThresholds | None = None) -> Any:
    inv = Inventory()
    inv.mark_collected(HUB)
    inv.extend(resources)
    for g in gaps:
        inv.add_gap(g)
    rules = [r for r in load_rules() if r.id == RULE]
    scope = WorkloadScope(regions=(REGION,), findings=limits or FindingThresholds())
    ctx = RuleContext(inventory=inv, workload=scope, now=NOW)
    return evaluate(rules, inv, ctx, observed_at=NOW)


@pytest.mark.usefixtures("aws")
def test_a_failed_control_fails_with_its_id_best_practices_and_the_wasp_rule_beside_it() -> None:
    _moto_hub([_asff("sh-s3-8"), _asff("sh-s3-14", "S3.14", Severity={"Label": "CRITICAL"})])
    [hub], api = _collect()
    assert [g.operation for g in api.gaps] == ["get_enabled_standards"], (
        "moto lacks it (docs/emulator-gaps.md)"
    )
    findings = hub.properties[SUPPLEMENTARY]["Findings"]
    assert [f["ControlId"] for f in findings] == ["S3.14", "S3.8"], "most severe first"
    assert findings[1]["BestPractices"] and findings[1]["WaspRules"] == ["s3_bucket_public_access_block"]
    assert findings[1]["Resource"] == {"Type": "AWS::S3::Bucket", "Id": "arn:aws:s3:::ledger"}
    [finding] = _verdict([hub]).findings
    assert finding.status is FindingStatus.FAIL and finding.source == "securityhub"
    assert finding.severity.value == "critical"
    assert set(finding.evidence["failing_finding_ids"]) == {"sh-s3-8", "sh-s3-14"}
    assert finding.evidence["controls_wasp_also_checks"] == {"S3.8": ["s3_bucket_public_access_block"]}
    assert finding.evidence["controls_only_security_hub_evidences"] == ["S3.14"]
    assert "SEC08-BP04" in finding.evidence["failed_controls_by_best_practice"]


@pytest.mark.usefixtures("aws")
def test_suppressed_archived_and_passed_findings_are_not_counted() -> None:
    _moto_hub(
        [
            _asff("suppressed", Workflow={"Status": "SUPPRESSED"}),
            _asff("archived", RecordState="ARCHIVED"),
            _asff("passed", Compliance={"Status": "PASSED", "SecurityControlId": "S3.8"}),
            _asff("not-a-control", GeneratorId="prowler-check-s3"),
        ]
    )
    [hub], _ = _collect()
    assert hub.properties[SUPPLEMENTARY]["Findings"] == []
    [finding] = _verdict([hub]).findings
    assert finding.status is FindingStatus.PASS


@pytest.mark.usefixtures("aws")
def test_the_cap_stops_reading_and_is_reported() -> None:
    _moto_hub([_asff(f"f{i:03d}") for i in range(150)])
    limits = FindingThresholds(max_findings_per_service=120)
    [hub], _ = _collect(limits)
    sup = hub.properties[SUPPLEMENTARY]
    assert len(sup["Findings"]) == 120 and sup["FindingsCapped"] is True
    [finding] = _verdict([hub], (), limits).findings
    assert (
        finding.status is FindingStatus.FAIL
        and "reading stopped at the cap of 120 findings" in finding.message
    )


def test_denied_findings_are_unknown_and_the_gap_names_the_rule() -> None:
    factory = StubbedFactory()
    stub = factory.stub("securityhub")
    stub.add_response("describe_hub", {"HubArn": f"arn:aws:securityhub:{REGION}:{ACCOUNT}:hub/default"})
    stub.add_response("get_enabled_standards", {"StandardsSubscriptions": []})
    stub.add_client_error("get_findings", service_error_code="AccessDeniedException", http_status_code=403)
    [hub], api = run(SecurityHubCollector(), factory)
    assert isinstance(hub.properties[SUPPLEMENTARY]["Findings"], Unresolved)
    [gap] = api.gaps
    assert gap.operation == "get_findings" and "securityhub:GetFindings" in gap.message
    result = _verdict([hub], api.gaps)
    assert [f.status for f in result.findings] == [FindingStatus.UNKNOWN]
    assert [g.rules for g in result.gaps] == [(RULE,)]


def test_control_ids_from_consolidated_and_legacy_generators() -> None:
    assert control_id({"Compliance": {"SecurityControlId": "IAM.4"}}) == "IAM.4"
    legacy = "arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/1.4"
    assert control_id({"GeneratorId": legacy}) == "CIS.1.4"
    assert control_id({"GeneratorId": "aws-foundational-security-best-practices/v/1.0.0/S3.8"}) == "S3.8"


def test_the_control_map_names_real_best_practices_and_rules() -> None:
    controls = load_controls()
    practices = {bp.id for bp in load_catalogue().best_practices}
    rules = {r.id for r in load_rules()}
    for c in controls.values():
        assert c.best_practices and set(c.best_practices) <= practices, c.id
        assert set(c.wasp_rules) <= rules, c.id
    mapped_rules = {r for c in controls.values() for r in c.wasp_rules}
    assert len(mapped_rules) >= 50, "the FSBP controls of the services wasp has rules for"
    assert any(c.startswith("CIS.") for c in controls) and len(controls) >= 100
