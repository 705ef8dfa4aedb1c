"""An account review runs the rules whose resource type a collector reads; template-only rules never leave a
practice not assessed there, and `wasp rules` says which rules run where."""

from __future__ import annotations

from datetime import UTC, datetime

from wasp.catalogue import load_catalogue
from wasp.collect.registry import COLLECTORS
from wasp.engine import run_review
from wasp.model import Inventory, Resource, Workload
from wasp.model.resource import Origin
from wasp.model.status import OriginKind
from wasp.rules import load_rules
from wasp.workflow import live_rules, org_only_types

READABLE = {t for c in COLLECTORS for t in c.resource_types}


def test_live_rules_are_exactly_those_a_collector_can_feed() -> None:
    live = {r.id for r in live_rules()}
    assert live == {r.id for r in load_rules() if r.meta.resource_type in READABLE | org_only_types()}
    outside_org = {r.id for r in live_rules(org=False)}
    assert outside_org == {r.id for r in load_rules() if r.meta.resource_type in READABLE}
    assert "org_guardduty_auto_enable" in live - outside_org, "org configuration is read in org reviews only"
    assert "ebs_volume_encrypted" in live and "kinesis_stream_encrypted" not in live
    assert len(live) < len(load_rules())


def _practice(review: object, bp: str) -> tuple[str, str]:
    for q in review.questions:  # type: ignore[attr-defined]
        for p in q.best_practices:
            if p.id == bp:
                return p.status.value, p.reason
    raise AssertionError(bp)


def test_a_template_only_rule_does_not_make_a_live_practice_not_assessed() -> None:
    inventory = Inventory()
    inventory.mark_collected(*READABLE)
    origin = Origin(kind=OriginKind.LIVE, account="123456789012", region="eu-west-2")
    inventory.add(Resource("AWS::EC2::Volume", "vol-1", {"Encrypted": True}, origin))
    now = datetime(2026, 11, 28, tzinfo=UTC)
    common = {
        "catalogue": load_catalogue(),
        "inventory": inventory,
        "workload": Workload(name="w"),
        "now": now,
    }
    scoped = _practice(run_review(rules=live_rules(), **common), "SEC08-BP02")  # type: ignore[arg-type]
    every = _practice(run_review(rules=load_rules(), **common), "SEC08-BP02")  # type: ignore[arg-type]
    assert "not collected" in every[1]  # what every rule would say: Kinesis, Firehose... were never read
    assert "not collected" not in scoped[1]
