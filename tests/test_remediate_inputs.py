"""A fix that needs input wasp does not have is shown as "needs input: ...", never counted as fixable, and
skipped (not tried and failed) when applying (moto)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.catalogue import load_catalogue
from wasp.collect.clients import ClientFactory
from wasp.engine import run_review
from wasp.model import Origin, OriginKind, Resource, Workload
from wasp.model.rule import WorkloadScope
from wasp.remediate.apply import apply_fixes
from wasp.remediate.base import FixContext, FixImpossible
from wasp.remediate.plan import plan
from wasp.remediate.registry import fixers
from wasp.remediate.render import fixable_count, plan_records, plan_title
from wasp.report import review_dict
from wasp.rules import load_rules
from wasp.workflow import collect_live

ACCOUNT = "123456789012"
CONTACT = {"name": "Sec", "email": "security@example.com", "phone": "+440000000000"}
CONTACT_RULE = "account_security_contact"
TRAIL_RULE = "cloudtrail_multi_region_logging"


def _review(collectors: list[str]) -> dict[str, Any]:
    wl = Workload(name="inputs", regions=(REGION,))
    inv, _, _ = collect_live(wl, collectors=collectors)
    return review_dict(
        run_review(
            catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
        )
    )


def _ctx(**kw: Any) -> FixContext:
    return FixContext(workload=WorkloadScope(regions=(REGION,)), **kw)


def _account() -> Resource:
    return Resource("AWS::::Account", ACCOUNT, {}, Origin(OriginKind.LIVE, ACCOUNT, None))


@pytest.mark.parametrize(
    ("contact", "what"),
    [
        (None, "a security contact (name, email, phone)"),
        ({"name": "Sec", "email": "s@example.com"}, "the security contact's phone"),
        ({"name": " ", "email": "s@example.com", "phone": ""}, "the security contact's name and phone"),
    ],
)
def test_the_security_contact_fix_says_which_fields_it_needs_and_where(
    contact: dict[str, str] | None, what: str
) -> None:
    fixer = fixers()[CONTACT_RULE]
    need = fixer.needs(_account(), _ctx(security_contact=contact))
    assert need is not None and need.what.startswith(what)
    assert str(need).startswith("needs input: ") and "security_contact" in str(need)
    assert "--workload" in str(need)
    with pytest.raises(FixImpossible, match="needs input"):
        fixer.calls(_account(), _ctx(security_contact=contact))
    assert fixer.needs(_account(), _ctx(security_contact=CONTACT)) is None


def test_every_fixer_that_needs_nothing_says_so_for_a_bare_resource() -> None:
    """Only the fixers whose input wasp may lack declare a need; the others plan without one."""
    needing = {
        rule
        for rule, fixer in fixers().items()
        if fixer.needs(
            Resource("X", "u/key1", {"trails": []}, Origin(OriginKind.LIVE, ACCOUNT, REGION)), _ctx()
        )
    }
    assert needing == {CONTACT_RULE, TRAIL_RULE, "iam_access_key_unused"}


@pytest.mark.usefixtures("aws")
def test_a_contact_in_the_context_makes_the_fix_fixable_again() -> None:
    review = _review(["account", "contacts"])
    [without] = plan(review, _ctx(), rules=[CONTACT_RULE])
    [with_contact] = plan(review, _ctx(security_contact=CONTACT), rules=[CONTACT_RULE])
    assert (without.fixable, with_contact.fixable) == (False, True)
    assert fixable_count([without, with_contact]) == 1
    assert plan_title([without, with_contact]) == "1 fixable finding(s); 1 need(s) input first"
    assert with_contact.calls[0].params["EmailAddress"] == CONTACT["email"]
    records = plan_records([without, with_contact])
    assert [(r["status"], bool(r["calls"])) for r in records] == [("needs_input", False), ("fixable", True)]
    assert records[0]["needs_input"].startswith("needs input: a security contact")
    assert records[1]["needs_input"] is None and json.dumps(records)


@pytest.mark.usefixtures("aws")
def test_a_need_found_only_at_apply_skips_the_fix_there(tmp_path: Path) -> None:
    """A review whose evidence does not note the trails (older reviews): the plan cannot tell that no trail
    exists, so it plans the update; the fresh read at apply finds none and skips with the need."""
    review = _review(["account", "cloudtrail"])
    [finding] = [f for f in review["findings"] if f["rule"] == TRAIL_RULE and f["status"] == "fail"]
    del finding["evidence"]["trails"]
    [entry] = plan(review, _ctx(), rules=[TRAIL_RULE])
    assert entry.fixable and entry.calls
    clients = ClientFactory(boto3.session.Session(region_name=REGION))
    [result] = apply_fixes([entry], clients, ACCOUNT, (REGION,), _ctx(), tmp_path / "a.jsonl", "t")
    assert (result.status, result.reason) == ("skipped", "needs input")
    assert "no trail exists" in result.detail and not result.calls
    assert not [c for c in clients.calls if c in ("cloudtrail:UpdateTrail", "cloudtrail:StartLogging")]


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from wasp.cli.app import main

    with pytest.raises(SystemExit) as exc:
        main(list(args))
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out + captured.err


@pytest.mark.usefixtures("aws")
def test_fix_plan_shows_needs_input_and_apply_skips_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    review = tmp_path / "review.json"
    review.write_text(json.dumps(_review(["account", "contacts"])))
    code, text = _cli(capsys, "fix", "plan", str(review), "--rule", CONTACT_RULE)
    flat = " ".join(text.replace("│", " ").split())
    assert code == 0 and "0 fixable finding(s); 1 need(s) input first" in flat
    assert "needs input: a security contact (name, email, phone)" in flat and "security_contact" in flat
    assert "put_alternate_contact" not in flat

    log = tmp_path / "audit.jsonl"
    code, text = _cli(
        capsys, "fix", "apply", str(review), "--rule", CONTACT_RULE, "--yes", "--audit-log", str(log)
    )
    assert code == 0 and "1 skipped" in text and "0 failed" in text
    assert [json.loads(x)["skipped"] for x in log.read_text().splitlines()] == ["needs input"]
    account = boto3.client("account", region_name=REGION)
    with pytest.raises(account.exceptions.ResourceNotFoundException):
        account.get_alternate_contact(AlternateContactType="SECURITY")

    workload = tmp_path / "wasp.yaml"
    workload.write_text(
        f"name: inputs\nregions: [{REGION}]\nsecurity_contact:\n"
        + "".join(f"  {k}: '{v}'\n" for k, v in CONTACT.items())
    )
    code, text = _cli(capsys, "fix", "plan", str(review), "--rule", CONTACT_RULE, "--workload", str(workload))
    flat = " ".join(text.replace("│", " ").split())
    assert code == 0 and "1 fixable finding(s)" in flat and "needs input" not in flat


def test_a_large_plan_lists_the_first_rows_and_counts_the_rest_per_rule() -> None:
    """58k fixes are not drawn as 58k rows: the first rows are listed, the rest counted by rule."""
    from rich.console import Console

    from wasp.remediate.plan import PlanEntry
    from wasp.remediate.render import render_plan

    by_rule = fixers()
    a, b = sorted(by_rule)[:2]
    entries = [
        PlanEntry(
            {"id": f"f-{i}", "resource": {"id": f"r-{i}", "account": "1"}}, by_rule[a if i % 3 else b], ()
        )
        for i in range(30)
    ]
    console = Console(width=200, record=True)
    console.print(render_plan(entries, max_rows=5))
    text = console.export_text()
    assert "f-0 " in text and "f-4 " in text and "f-5 " not in text
    assert f"... and 25 more fixable finding(s) not listed ({a} 17, {b} 8)" in text
    assert "--format json" in text
