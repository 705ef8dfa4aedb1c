"""Access Analyzer findings read live (Stubber: moto has no Access Analyzer): fail, archived, denied, capped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.stub import ANY, Stubber

from conftest import NOW, REGION
from test_live_controls import ACCOUNT, F, P, U, _account_only, _c, _Stubbed
from wasp.collect.account import AccountCollector
from wasp.collect.clients import ClientFactory
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

RULES = {r.id: r for r in load_rules()}
ARN = f"arn:aws:access-analyzer:{REGION}:{ACCOUNT}:analyzer/"


def _analyzer(name: str, kind: str, age: int | None = None) -> dict[str, Any]:
    a: dict[str, Any] = {
        "arn": ARN + name,
        "name": name,
        "type": kind,
        "createdAt": "2026-01-01T00:00:00Z",
        "status": "ACTIVE",
    }
    if age is not None:
        a["configuration"] = {"unusedAccess": {"unusedAccessAge": age}}
    return a


def _finding(
    fid: str, kind: str, status: str = "ACTIVE", created: str = "2026-05-01T00:00:00Z"
) -> dict[str, Any]:
    return {
        "id": fid,
        "findingType": kind,
        "status": status,
        "resource": f"arn:aws:iam::{ACCOUNT}:role/{fid}",
        "resourceType": "AWS::IAM::Role",
        "resourceOwnerAccount": ACCOUNT,
        "createdAt": created,
        "updatedAt": created,
        "analyzedAt": created,
    }


def _setup(
    external: list[dict[str, Any]] | None, unused: list[dict[str, Any]] | None = None
) -> Callable[[str, Stubber], None]:
    """A listing of both analyzers; None for a list means that analyzer's findings are denied."""

    def inner(service: str, stub: Stubber) -> None:
        _account_only(service, stub)
        if service != "accessanalyzer":
            return
        stub.add_response(
            "list_analyzers",
            {"analyzers": [_analyzer("ext", "ACCOUNT"), _analyzer("unused", "ACCOUNT_UNUSED_ACCESS", 90)]},
        )
        for name, found in (("ext", external), ("unused", unused or [])):
            expected = {
                "analyzerArn": ARN + name,
                "filter": {"status": {"eq": ["ACTIVE"]}},
                "maxResults": ANY,
            }
            if found is None:
                stub.add_client_error(
                    "list_findings_v2", "AccessDeniedException", "denied", 403, expected_params=expected
                )
            else:
                stub.add_response("list_findings_v2", {"findings": found}, expected_params=expected)

    return inner


def _run(rule: str, factory: ClientFactory, scope: WorkloadScope | None = None) -> tuple[Any, dict[str, Any]]:
    inventory, _ = collect(
        plan([AccountCollector(), _c("accessanalyzer")], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    ctx = RuleContext(inventory=inventory, workload=scope or WorkloadScope(regions=(REGION,)), now=NOW)
    (finding,) = evaluate((RULES[rule],), inventory, ctx, observed_at=NOW).findings
    return finding.status, finding.evidence


def test_active_external_access_fails_with_the_finding_id() -> None:
    status, evidence = _run(
        "access_analyzer_external_access", _Stubbed(_setup([_finding("f-42", "ExternalAccess")]))
    )
    assert status is F
    assert evidence["finding_ids"] == ["f-42"]


def test_archived_external_access_is_not_counted() -> None:
    archived = _finding("f-42", "ExternalAccess", status="ARCHIVED")
    assert _run("access_analyzer_external_access", _Stubbed(_setup([archived])))[0] is P


def test_denied_findings_are_unknown() -> None:
    assert _run("access_analyzer_external_access", _Stubbed(_setup(None)))[0] is U


def test_unused_role_past_the_limit_fails_and_break_glass_is_exempt() -> None:
    # raised 2026-05-01 on a 90-day analyzer: unused at least 121 days at NOW (2026-06-01)
    unused = [_finding("old-role", "UnusedIAMRole")]
    status, evidence = _run("access_analyzer_unused_access", _Stubbed(_setup([], unused)))
    assert status is F and evidence["finding_ids"] == ["old-role"]
    scope = WorkloadScope(regions=(REGION,), break_glass=("old-role",))
    assert _run("access_analyzer_unused_access", _Stubbed(_setup([], unused)), scope)[0] is P


def test_findings_are_read_up_to_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp.collect import accessanalyzer

    monkeypatch.setattr(accessanalyzer, "max_findings", lambda api: 2)
    many = [_finding(f"f-{i}", "InternalAccess") for i in range(2)]
    status, evidence = _run("access_analyzer_external_access", _Stubbed(_setup(many)))
    assert status is U  # the cap was reached with no external finding among those read: more may exist
    assert evidence["finding_ids"] == []
