"""Every finding a plan shows sits beside the fix of its own rule: terminal, Markdown and plan CSV.

The case that went wrong: a plan item (SEC08-BP02) failing on two rules, where the alphabetically first rule
(cloudtrail_kms_encrypted, medium) is not the rule of the worst finding (ebs_volume_encrypted, high). The
terminal printed the unencrypted volume next to the CloudTrail command.
"""

from __future__ import annotations

import copy
import csv
import io
import re
from dataclasses import replace
from typing import Any

import pytest
from rich.console import Console

from conftest import NOW, inventory, res
from wasp.catalogue import load_catalogue
from wasp.engine import run_review
from wasp.model import Review, Workload
from wasp.report import print_summary, review_dict
from wasp.report.base import get_format
from wasp.report.plan_view import rule_groups
from wasp.rules import load_rules

EBS, TRAIL = "ebs_volume_encrypted", "cloudtrail_kms_encrypted"
EBS_FIX, TRAIL_FIX = "aws ec2 copy-snapshot", "aws cloudtrail update-trail --name TRAIL --kms-key-id"
BP = "SEC08-BP02"


def _review() -> Review:
    """One unencrypted volume (high) and two trails without KMS (medium): both rules fail SEC08-BP02."""
    inv = inventory(
        res("AWS::EC2::Volume", {"Encrypted": False}, "vol-0plain"),
        res("AWS::CloudTrail::Trail", {"Name": "a"}, "trail-a"),
        res("AWS::CloudTrail::Trail", {"Name": "b"}, "trail-b"),
    )
    return run_review(
        catalogue=load_catalogue(),
        rules=load_rules(),
        inventory=inv,
        workload=Workload(name="t", regions=("eu-west-2",)),
        now=NOW,
    )


def _alphabetical(review: Review) -> Review:
    """The review with every plan item's fixes in rule-id order, as reviews written before were."""
    plan = tuple(
        replace(i, remediation=tuple(sorted(i.remediation, key=lambda r: r[0]))) for i in review.plan
    )
    return replace(review, plan=plan)


@pytest.fixture(scope="module")
def review() -> Review:
    return _alphabetical(_review())


@pytest.fixture(scope="module")
def doc(review: Review) -> dict[str, Any]:
    d = review_dict(review)
    item = next(i for i in d["improvement_plan"] if i["best_practice"] == BP)
    assert [r["rule"] for r in item["remediation"]] == [TRAIL, EBS], (
        "the case: alphabetical-first is not worst"
    )
    return d


def test_the_plan_lists_the_worst_findings_rule_first() -> None:
    item = next(i for i in _review().plan if i.best_practice == BP)
    assert [rule for rule, _ in item.remediation] == [EBS, TRAIL]
    assert item.action == "Fix 3 failing finding(s) on 3 resource(s)"


def test_groups_pair_each_finding_with_its_own_rules_fix(doc: dict[str, Any]) -> None:
    findings = {f["id"]: f for f in doc["findings"]}
    item = next(i for i in doc["improvement_plan"] if i["best_practice"] == BP)
    groups = rule_groups(item, findings)
    assert [(g.rule, g.count, g.worst) for g in groups] == [(EBS, 1, "high"), (TRAIL, 2, "medium")]
    assert groups[0].findings[0]["resource"]["id"] == "vol-0plain"
    assert groups[0].remediation is not None and groups[0].remediation["cli"].startswith(EBS_FIX)
    assert groups[1].remediation is not None and groups[1].remediation["cli"].startswith(TRAIL_FIX)


def test_groups_of_equal_severity_put_the_rule_with_more_findings_first() -> None:
    findings = {
        "a": {"id": "a", "rule": "r_alpha", "severity": "medium"},
        "b1": {"id": "b1", "rule": "r_beta", "severity": "low"},
        "b2": {"id": "b2", "rule": "r_beta", "severity": "medium"},
    }
    item = {"findings": ["a", "b1", "b2", "gone"], "remediation": [{"rule": "r_gamma", "cli": "g"}]}
    groups = rule_groups(item, findings)
    assert [(g.rule, g.count) for g in groups] == [("r_beta", 2), ("r_alpha", 1), ("r_gamma", 0)]
    assert [f["id"] for f in groups[0].findings] == ["b2", "b1"], "worst first within a rule"
    assert groups[2].remediation == {"rule": "r_gamma", "cli": "g"}, "a fix without listed findings is kept"


def test_every_group_of_the_demo_plan_holds_only_its_own_rule(demo_doc: dict[str, Any]) -> None:
    findings = {f["id"]: f for f in demo_doc["findings"]}
    for item in demo_doc["improvement_plan"]:
        groups = rule_groups(item, findings)
        assert sorted(f["id"] for g in groups for f in g.findings) == sorted(item["findings"])
        for g in groups:
            assert {f["rule"] for f in g.findings} <= {g.rule}
            assert g.remediation is None or g.remediation["rule"] == g.rule


def _terminal(review: Review) -> list[str]:
    buf = io.StringIO()
    print_summary(review, Console(file=buf, width=400, color_system=None))
    return buf.getvalue().splitlines()


def test_terminal_prints_each_finding_above_its_own_rules_fix(review: Review) -> None:
    lines = _terminal(review)
    volume = next(n for n, line in enumerate(lines) if "vol-0plain" in line)
    trail = next(n for n, line in enumerate(lines) if "trail-a" in line and TRAIL in line)
    assert EBS in lines[volume] and lines[volume + 1].strip().startswith("fix: " + EBS_FIX)
    assert lines[trail + 1].strip().startswith("fix: " + TRAIL_FIX)
    assert volume < trail, "the worst finding's rule comes first"


def test_terminal_prints_a_long_fix_whole(review: Review) -> None:
    text = "\n".join(_terminal(review))
    assert (
        "aws ec2 copy-snapshot --source-snapshot-id SNAP --source-region REGION --encrypted --kms-key-id KEY"
        in text
    )


def _render(doc: dict[str, Any], name: str) -> str:
    buf = io.StringIO()
    get_format(name).reporter.render(doc, buf)
    return buf.getvalue()


def test_markdown_nests_each_finding_under_its_own_rules_fix(doc: dict[str, Any]) -> None:
    md = _render(doc, "md").splitlines()
    start = next(n for n, line in enumerate(md) if BP in line and "**HIGH**" in line)
    ebs = next(n for n in range(start, len(md)) if f"`{EBS}`" in md[n])
    trail = next(n for n in range(start, len(md)) if f"`{TRAIL}`" in md[n])
    assert ebs < trail
    assert EBS_FIX in md[ebs] and "update-trail" not in md[ebs] and "(1 finding(s), worst high)" in md[ebs]
    assert TRAIL_FIX in md[trail] and "copy-snapshot" not in md[trail]
    assert "vol-0plain" in md[ebs + 1] and md[ebs + 1].startswith("     - ")
    assert {"trail-a", "trail-b"} <= set(" ".join(md[trail + 1 : trail + 3]).replace("\\", "").split())


def test_plan_csv_puts_each_rules_findings_before_its_own_fix(doc: dict[str, Any]) -> None:
    rows = list(csv.DictReader(io.StringIO(_render(doc, "plan-csv"))))
    row = next(r for r in rows if r["best_practice"] == BP)
    parts = row["description"].split("\n\nRule ")
    assert [p.split(":")[0] for p in parts[1:]] == [EBS, TRAIL]
    ebs, trail = parts[1], parts[2]
    assert "vol-0plain" in ebs and EBS_FIX in ebs and "update-trail" not in ebs and "trail-a" not in ebs
    assert "trail-a" in trail and "trail-b" in trail and TRAIL_FIX in trail and "copy-snapshot" not in trail
    assert ebs.index("vol-0plain") < ebs.index("Fix (")


def test_plan_csv_counts_the_findings_it_does_not_list(doc: dict[str, Any]) -> None:
    big = copy.deepcopy(doc)
    template = next(f for f in big["findings"] if f["rule"] == TRAIL)
    extra = [
        {**template, "id": f"f-extra{n}", "resource": {**template["resource"], "id": f"t{n}"}}
        for n in range(30)
    ]
    big["findings"] += extra
    item = next(i for i in big["improvement_plan"] if i["best_practice"] == BP)
    item["findings"] += [f["id"] for f in extra]
    row = next(r for r in csv.DictReader(io.StringIO(_render(big, "plan-csv"))) if r["best_practice"] == BP)
    assert "... and 12 more finding(s)" in row["description"]  # 32 trail findings, 20 listed


HOSTILE = "web[/]\x1b]0;pwned\x07[bold red]x\x1b[2J"


def test_terminal_prints_account_supplied_text_as_text(review: Review) -> None:
    findings = tuple(
        replace(f, resource=replace(f.resource, id=HOSTILE), message=f"msg {HOSTILE}")
        if f.resource.id == "vol-0plain"
        else f
        for f in review.findings
    )
    plan = tuple(replace(i, owner=HOSTILE, title=HOSTILE) for i in review.plan)
    hostile = replace(review, workload=HOSTILE, findings=findings, plan=plan)
    buf = io.StringIO()
    print_summary(hostile, Console(file=buf, width=400, force_terminal=True, color_system="standard"))
    out = buf.getvalue()
    assert "\x1b[2J" not in out and "\x1b]0;" not in out and "\x07" not in out
    text = re.sub(r"\x1b\[[0-9;]*m", "", out)  # rich's own colours
    assert text.count("web[/][bold red]x") >= 5  # workload, title, owner, resource id, message: markup shown
