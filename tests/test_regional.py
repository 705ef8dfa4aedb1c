"""Per-region controls decided region by region: off anywhere fails, unreadable is unknown only there."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import boto3
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import NOW, REGION
from wasp.collect.account import AccountCollector
from wasp.collect.clients import ClientFactory
from wasp.collect.ec2 import Ec2Collector
from wasp.collect.guardduty import GuardDutyCollector
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate, evaluate_resource
from wasp.model import (
    ACCOUNT_TYPE,
    Finding,
    FindingStatus,
    Gap,
    Inventory,
    Origin,
    OriginKind,
    Resource,
    Unresolved,
)
from wasp.model.rule import ResourceView, RuleContext, WorkloadScope
from wasp.rules import load_rules
from wasp.rules._regional import RegionState, decide_regions

RULES = {r.id: r for r in load_rules()}
P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN
ACCT = "111122223333"
OTHER = "444455556666"
TWO = ("eu-west-2", "eu-west-1")
DETECTOR = "AWS::GuardDuty::Detector"


def _res(rtype: str, rid: str, props: dict[str, Any], region: str | None, account: str = ACCT) -> Resource:
    return Resource(rtype, rid, props, Origin(OriginKind.LIVE, account, region))


def _gap(rtype: str, region: str | None, account: str = ACCT) -> Gap:
    return Gap("guardduty", "list_detectors", "access_denied", "denied", account, region, (rtype,))


def _run(rule: str, inv: Inventory, regions: tuple[str, ...] = TWO, account: str = ACCT) -> Finding:
    acct = next(r for r in inv.of_type(ACCOUNT_TYPE) if r.account == account)
    ctx = RuleContext(inventory=inv, workload=WorkloadScope(regions=regions), now=NOW)
    finding = evaluate_resource(RULES[rule], acct, ctx, NOW.isoformat())
    assert finding is not None
    return finding


def _inv(*resources: Resource, gaps: tuple[Gap, ...] = ()) -> Inventory:
    inv = Inventory()
    inv.extend(resources)
    for g in gaps:
        inv.add_gap(g)
    return inv


STATES = st.dictionaries(
    st.sampled_from(["eu-west-1", "eu-west-2", "us-east-1", "eu-central-1"]),
    st.sampled_from(["on", "off", "unknown"]).map(RegionState),
)


@given(STATES)
def test_decision_table(states: dict[str, RegionState]) -> None:
    verdict = decide_regions(ResourceView(_res(ACCOUNT_TYPE, ACCT, {}, None)), "X", states)
    kinds = {s.state for s in states.values()}
    if "off" in kinds:
        assert verdict.status is F
    elif not states or "unknown" in kinds:
        assert verdict.status is U
    else:
        assert verdict.status is P


def test_verdict_lists_regions_off_unknown_and_passing() -> None:
    view = ResourceView(_res(ACCOUNT_TYPE, ACCT, {}, None))
    states = {
        "eu-west-2": RegionState("off", "no detector"),
        "eu-west-1": RegionState("unknown", "read failed"),
        "us-east-1": RegionState("on"),
    }
    verdict = decide_regions(view, "GuardDuty", states)
    assert verdict.status is F
    assert "eu-west-2 (no detector)" in verdict.message and "unknown in eu-west-1" in verdict.message
    assert view.evidence["regions_missing"] == ["eu-west-2"]
    assert view.evidence["regions_unknown"] == ["eu-west-1"]
    assert view.evidence["regions_on"] == ["us-east-1"]
    assert view.evidence["region_detail"] == {
        "eu-west-2": "off: no detector",
        "eu-west-1": "unknown: read failed",
        "us-east-1": "on",
    }


def test_a_failed_listing_is_unknown_for_its_region_only() -> None:
    acct = _res(ACCOUNT_TYPE, ACCT, {}, None)
    on_here = _res(DETECTOR, "d2", {"Enable": True}, "eu-west-2")
    off_here = _res(DETECTOR, "d2", {"Enable": False}, "eu-west-2")
    assert _run("guardduty_enabled", _inv(acct, on_here, gaps=(_gap(DETECTOR, "eu-west-1"),))).status is U
    assert _run("guardduty_enabled", _inv(acct, off_here, gaps=(_gap(DETECTOR, "eu-west-1"),))).status is F
    # nothing listed in eu-west-1 and no gap there: definitely off
    assert _run("guardduty_enabled", _inv(acct, on_here)).status is F
    # a gap in another account, or in a region out of scope, changes nothing
    assert (
        _run("guardduty_enabled", _inv(acct, on_here, gaps=(_gap(DETECTOR, "eu-west-1", OTHER),))).status is F
    )
    assert (
        _run(
            "guardduty_enabled", _inv(acct, on_here, gaps=(_gap(DETECTOR, "us-east-1"),)), ("eu-west-2",)
        ).status
        is P
    )
    # a global failure (region None) hides every region
    assert _run("guardduty_enabled", _inv(acct, gaps=(_gap(DETECTOR, None),))).status is U


def test_another_accounts_detector_does_not_count() -> None:
    inv = _inv(
        _res(ACCOUNT_TYPE, ACCT, {}, None),
        _res(ACCOUNT_TYPE, OTHER, {}, None, OTHER),
        _res(DETECTOR, "d", {"Enable": True}, "eu-west-2", OTHER),
    )
    assert _run("guardduty_enabled", inv, ("eu-west-2",)).status is F
    assert _run("guardduty_enabled", inv, ("eu-west-2",), OTHER).status is P


def test_empty_scope_is_unknown_never_pass() -> None:
    inv = _inv(_res(ACCOUNT_TYPE, ACCT, {}, None))
    for rule in (
        "guardduty_enabled",
        "ebs_encryption_by_default",
        "inspector_enabled",
        "access_analyzer_enabled",
    ):
        assert _run(rule, inv, ()).status is U, rule


def test_account_settings_fall_back_to_the_regions_read() -> None:
    acct = _res(
        ACCOUNT_TYPE,
        ACCT,
        {
            "Regions": {
                "eu-west-2": {"EbsEncryptionByDefault": True},
                "eu-west-1": {"EbsEncryptionByDefault": False},
            }
        },
        None,
    )
    finding = _run("ebs_encryption_by_default", _inv(acct), ())
    assert finding.status is F and "eu-west-1" in finding.message


# --- emulated: two regions, one region's read denied ------------------------------------------------------

ACCOUNT = "123456789012"
OTHER_REGION = "eu-west-1"


class _DeniedIn(ClientFactory):
    """moto everywhere, except that the named operations are denied in one region."""

    def __init__(self, region: str, operations: set[str]) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self._region = region
        self._operations = operations

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        if region == self._region and not getattr(made, "_denied", False):
            made.meta.events.register("before-call", self._deny)
            made._denied = True
        return made

    def _deny(self, model: Any, **_: Any) -> Any:
        if model.name not in self._operations:
            return None
        error = {"Error": {"Code": "AccessDeniedException", "Message": "denied"}, "ResponseMetadata": {}}
        return SimpleNamespace(status_code=403, headers={}), error


def _collect_and_judge(collector: Any, rule: str, factory: ClientFactory) -> tuple[Finding, Finding]:
    """(the rule's own verdict, the engine's finding) for the account, over eu-west-2 and eu-west-1."""
    regions = (REGION, OTHER_REGION)
    inventory, _ = collect(
        plan([AccountCollector(), collector], [ACCOUNT], regions), {ACCOUNT: factory}, regions
    )
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=regions, accounts=(ACCOUNT,)), now=NOW
    )
    acct = next(r for r in inventory.of_type(ACCOUNT_TYPE) if r.account == ACCOUNT)
    own = evaluate_resource(RULES[rule], acct, ctx, NOW.isoformat())
    assert own is not None
    engine = next(f for f in evaluate((RULES[rule],), inventory, ctx, observed_at=NOW).findings)
    return own, engine


@pytest.mark.usefixtures("aws")
def test_guardduty_two_regions_one_listing_denied() -> None:
    factory = _DeniedIn(OTHER_REGION, {"ListDetectors"})
    own, engine = _collect_and_judge(GuardDutyCollector(), "guardduty_enabled", factory)
    # eu-west-2 has no detector: definitely off, whatever eu-west-1 is
    assert own.status is F
    assert own.evidence["regions_missing"] == ["eu-west-2"]
    assert own.evidence["region_detail"]["eu-west-1"].startswith(
        "unknown: read failed: guardduty:list_detectors"
    )
    # the rule weighs the failed read itself (decides_gaps), so the engine keeps the definite failure
    assert engine.status is F
    boto3.client("guardduty", region_name=REGION).create_detector(Enable=True)
    own, engine = _collect_and_judge(
        GuardDutyCollector(), "guardduty_enabled", _DeniedIn(OTHER_REGION, {"ListDetectors"})
    )
    assert own.status is U and engine.status is U
    assert own.evidence["regions_on"] == ["eu-west-2"]


@pytest.mark.usefixtures("aws")
def test_ebs_default_encryption_two_regions_one_read_denied() -> None:
    def judge() -> tuple[Finding, Finding]:
        return _collect_and_judge(
            Ec2Collector(),
            "ebs_encryption_by_default",
            _DeniedIn(OTHER_REGION, {"GetEbsEncryptionByDefault"}),
        )

    boto3.client("ec2", region_name=REGION).enable_ebs_encryption_by_default()
    own, engine = judge()
    assert own.status is U and engine.status is U
    assert own.evidence["regions_on"] == ["eu-west-2"]
    assert "eu-west-1" in own.message
    boto3.client("ec2", region_name=REGION).disable_ebs_encryption_by_default()
    own, engine = judge()
    # the account setting is the rule's own resource, so the engine keeps the definite failure
    assert own.status is F and engine.status is F
    assert "eu-west-2" in engine.message and "unknown in eu-west-1" in engine.message
    boto3.client("ec2", region_name=REGION).enable_ebs_encryption_by_default()
    boto3.client("ec2", region_name=OTHER_REGION).enable_ebs_encryption_by_default()
    regions = (REGION, OTHER_REGION)
    inventory, _ = collect(
        plan([Ec2Collector()], [ACCOUNT], regions),
        {ACCOUNT: ClientFactory(boto3.session.Session(region_name=REGION))},
        regions,
    )
    ctx = RuleContext(inventory=inventory, workload=WorkloadScope(regions=regions), now=NOW)
    assert (
        evaluate((RULES["ebs_encryption_by_default"],), inventory, ctx, observed_at=NOW).findings[0].status
        is P
    )


@pytest.mark.usefixtures("aws")
def test_a_denied_account_summary_leaves_only_the_root_user_unknown() -> None:
    factory = _DeniedIn(REGION, {"GetAccountSummary"})
    inventory, _ = collect(plan([AccountCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    [account] = inventory.of_type(ACCOUNT_TYPE)
    assert isinstance(account.properties["RootUser"], Unresolved)
    assert [g.resource_id for g in inventory.gaps] == [ACCOUNT]  # a detail gap: other settings stand
    ctx = RuleContext(
        inventory=inventory, workload=WorkloadScope(regions=(REGION,), accounts=(ACCOUNT,)), now=NOW
    )
    [finding] = evaluate((RULES["root_mfa_enabled"],), inventory, ctx, observed_at=NOW).findings
    assert finding.status is U
