"""Inspector's fixable vulnerabilities on the instance, image (repository) or function they name (Stubber).

moto's inspector2 ignores filters and lacks ListCoverage (docs/emulator-gaps.md): responses are stubbed in the
real API's shapes. A finding on a resource wasp collected fails that resource; one on a resource it did not
collect stays on the account; suppressed and closed findings never count; a denied read leaves them unknown.
"""

from __future__ import annotations

from typing import Any

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
from wasp.engine.evaluate import evaluate
from wasp.model import ACCOUNT_TYPE, FindingStatus, Inventory, Origin, OriginKind, Resource, Severity
from wasp.model.rule import FindingThresholds, RuleContext, WorkloadScope
from wasp.rules import load_rules

WEB, BATCH, GONE = "i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002", "i-0a1b2c3d4e5f60009"
OLD, RECENT = "2026-04-01T00:00:00+00:00", "2026-05-28T00:00:00+00:00"
INSTANCE_RULE = "ec2_instance_vulnerabilities_patched"
IMAGE_RULE = "ecr_repository_vulnerabilities_patched"
FUNCTION_RULE = "lambda_function_vulnerabilities_patched"
ACCOUNT_RULE = "inspector_vulnerabilities_patched"
RULES = [r for r in load_rules() if r.id in (INSTANCE_RULE, IMAGE_RULE, FUNCTION_RULE, ACCOUNT_RULE)]
P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN


def _arn(fid: str) -> str:
    return f"arn:aws:inspector2:{REGION}:{ACCOUNT}:finding/{fid}"


def _live(rtype: str, rid: str) -> Resource:
    return Resource(rtype, rid, {}, Origin(OriginKind.LIVE, ACCOUNT, REGION))


def _finding(fid: str, first_seen: str, instance: str = WEB, **changes: Any) -> dict[str, Any]:
    return {**inspector_finding(fid, first_seen, instance), **changes}


def _image_finding(fid: str, repo: str) -> dict[str, Any]:
    digest = "sha256:" + "ab" * 32
    return _finding(
        fid,
        OLD,
        resources=[
            {
                "id": f"arn:aws:ecr:{REGION}:{ACCOUNT}:repository/{repo}/{digest}",
                "type": "AWS_ECR_CONTAINER_IMAGE",
                "details": {
                    "awsEcrContainerImage": {
                        "imageHash": digest,
                        "imageTags": ["v1.4.2"],
                        "registry": ACCOUNT,
                        "repositoryName": repo,
                    }
                },
            }
        ],
    )


def _function_finding(fid: str, name: str) -> dict[str, Any]:
    return _finding(
        fid,
        OLD,
        resources=[
            {
                "id": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{name}:$LATEST",
                "type": "AWS_LAMBDA_FUNCTION",
                "details": {
                    "awsLambdaFunction": {
                        "codeSha256": "abc=",
                        "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/{name}",
                        "functionName": name,
                        "runtime": "PYTHON_3_9",
                        "version": "$LATEST",
                    }
                },
            }
        ],
    )


def _collect(findings: list[dict[str, Any]], covered: list[dict[str, Any]]) -> tuple[Resource, Any]:
    factory = StubbedFactory()
    stub = factory.stub("inspector2")
    inspector_status(stub)
    stub.add_response("list_findings", {"findings": findings})
    stub.add_response("list_coverage", {"coveredResources": covered})
    [account], api = run(InspectorCollector(), factory)
    return account, api


def _review(resources: list[Resource], gaps: Any = (), window: int = 14) -> dict[tuple[str, str], Any]:
    inv = Inventory()
    inv.mark_collected(ACCOUNT_TYPE, "AWS::EC2::Instance", "AWS::ECR::Repository", "AWS::Lambda::Function")
    inv.extend(resources)
    for g in gaps:
        inv.add_gap(g)
    scope = WorkloadScope(regions=(REGION,), findings=FindingThresholds(inspector_patch_window_days=window))
    result = evaluate(RULES, inv, RuleContext(inventory=inv, workload=scope, now=NOW), observed_at=NOW)
    return {(f.rule, f.resource.id): f for f in result.findings} | {("gaps", ""): result.gaps}


def test_the_instance_with_an_old_fixable_critical_fails_and_the_clean_one_passes() -> None:
    account, api = _collect(
        [_finding("old", OLD, WEB, severity="CRITICAL"), _finding("new", RECENT, WEB)],
        [coverage(WEB), coverage(BATCH)],
    )
    assert not api.gaps
    got = _review([account, _live("AWS::EC2::Instance", WEB), _live("AWS::EC2::Instance", BATCH)])
    web = got[(INSTANCE_RULE, WEB)]
    assert web.status is F and web.source == "inspector"
    assert web.evidence["failing_finding_ids"] == [_arn("old")]  # the recent one is within the window
    assert _arn("old") in web.message and web.severity is Severity.HIGH
    assert got[(INSTANCE_RULE, BATCH)].status is P
    # the account no longer carries the instance's finding
    assert got[(ACCOUNT_RULE, ACCOUNT)].status is P
    # the workload's window decides
    longer = _review([account, _live("AWS::EC2::Instance", WEB)], window=90)
    assert longer[(INSTANCE_RULE, WEB)].status is P


def test_suppressed_and_closed_findings_are_not_counted() -> None:
    account, _ = _collect(
        [
            _finding("suppressed", OLD, BATCH, status="SUPPRESSED"),
            _finding("closed", OLD, BATCH, status="CLOSED"),
            _finding("no-fix", OLD, BATCH, fixAvailable="NO"),
            _finding("medium", OLD, BATCH, severity="MEDIUM"),
        ],
        [coverage(BATCH)],
    )
    assert account.properties["Regions"][REGION]["InspectorFindings"]["Findings"] == []
    got = _review([account, _live("AWS::EC2::Instance", BATCH)])
    assert got[(INSTANCE_RULE, BATCH)].status is P


def test_an_exploit_makes_the_instance_critical() -> None:
    account, _ = _collect([_finding("hot", OLD, WEB, exploitAvailable="YES")], [coverage(WEB)])
    web = _review([account, _live("AWS::EC2::Instance", WEB)])[(INSTANCE_RULE, WEB)]
    assert web.status is F and web.severity is Severity.CRITICAL
    assert web.evidence["exploitable_finding_ids"] == [_arn("hot")]


def test_images_and_functions_carry_their_findings() -> None:
    account, _ = _collect(
        [_image_finding("img", "payments-api"), _function_finding("fn", "orders-handler")],
        [
            coverage("payments-api", kind="AWS_ECR_REPOSITORY"),
            coverage(
                f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:orders-handler", kind="AWS_LAMBDA_FUNCTION"
            ),
            coverage("batch-worker", kind="AWS_ECR_REPOSITORY"),
        ],
    )
    got = _review(
        [
            account,
            _live("AWS::ECR::Repository", "payments-api"),
            _live("AWS::ECR::Repository", "batch-worker"),
            _live("AWS::Lambda::Function", "orders-handler"),
        ]
    )
    repo = got[(IMAGE_RULE, "payments-api")]
    assert repo.status is F and repo.evidence["failing_finding_ids"] == [_arn("img")]
    assert repo.evidence["images"] == ["v1.4.2"]
    assert got[(IMAGE_RULE, "batch-worker")].status is P
    fn = got[(FUNCTION_RULE, "orders-handler")]
    assert fn.status is F and fn.evidence["failing_finding_ids"] == [_arn("fn")]
    assert got[(ACCOUNT_RULE, ACCOUNT)].status is P


def test_a_finding_on_a_resource_not_collected_stays_on_the_account() -> None:
    account, _ = _collect([_finding("gone", OLD, GONE)], [coverage(WEB)])
    got = _review([account, _live("AWS::EC2::Instance", WEB)])
    assert got[(INSTANCE_RULE, WEB)].status is P
    on_account = got[(ACCOUNT_RULE, ACCOUNT)]
    assert on_account.status is F and on_account.evidence["linked_resources"] == [
        f"AWS::EC2::Instance/{GONE}"
    ]


def test_an_instance_inspector_does_not_scan_is_unknown_not_clean() -> None:
    account, _ = _collect([], [coverage(BATCH, "INACTIVE", reason="NO_INVENTORY")])
    got = _review([account, _live("AWS::EC2::Instance", WEB), _live("AWS::EC2::Instance", BATCH)])
    assert got[(INSTANCE_RULE, BATCH)].status is U and "NO_INVENTORY" in got[(INSTANCE_RULE, BATCH)].message
    assert got[(INSTANCE_RULE, WEB)].status is U and "does not list it" in got[(INSTANCE_RULE, WEB)].message


def test_denied_findings_leave_every_instance_unknown_and_the_gap_names_the_rules() -> None:
    factory = StubbedFactory()
    stub = factory.stub("inspector2")
    inspector_status(stub)
    stub.add_client_error("list_findings", service_error_code="AccessDeniedException", http_status_code=403)
    stub.add_response("list_coverage", {"coveredResources": [coverage(WEB)]})
    [account], api = run(InspectorCollector(), factory)
    got = _review([account, _live("AWS::EC2::Instance", WEB), _live("AWS::EC2::Instance", BATCH)], api.gaps)
    assert got[(INSTANCE_RULE, WEB)].status is U and got[(INSTANCE_RULE, BATCH)].status is U
    assert "inspector2:list_findings" in got[(INSTANCE_RULE, WEB)].message
    [gap] = got[("gaps", "")]
    assert set(gap.rules) == {ACCOUNT_RULE, INSTANCE_RULE}


def test_capped_among_overdue_findings_leaves_a_clean_instance_unknown() -> None:
    factory = StubbedFactory()
    stub = factory.stub("inspector2")
    inspector_status(stub)
    stub.add_response(
        "list_findings", {"findings": [_finding(f"a{i}", OLD, WEB) for i in range(3)], "nextToken": "t"}
    )
    stub.add_response("list_coverage", {"coveredResources": [coverage(WEB), coverage(BATCH)]})
    [account], _ = run(InspectorCollector(), factory, FindingThresholds(max_findings_per_service=3))
    got = _review([account, _live("AWS::EC2::Instance", WEB), _live("AWS::EC2::Instance", BATCH)])
    assert got[(INSTANCE_RULE, WEB)].status is F and "cap" in got[(INSTANCE_RULE, WEB)].message
    assert got[(INSTANCE_RULE, BATCH)].status is U
