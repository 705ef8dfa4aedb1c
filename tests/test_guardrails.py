"""The foundational SCP pack: valid, within limits, recognised by the SEC01/SEC03 rules once attached."""

from __future__ import annotations

import json
import re
from pathlib import Path

import boto3
import pytest

from conftest import NOW, REGION
from wasp.cli.app import main
from wasp.collect.account import AccountCollector
from wasp.collect.clients import ClientFactory
from wasp.collect.organizations import OrganizationsCollector
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.guardrails.scps import SCP_MAX_CHARS, foundational_scps
from wasp.model import ACCOUNT_TYPE, FindingStatus, Inventory, Origin, OriginKind, Resource
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

SCP_RULES = [
    "scp_deny_leave_org",
    "scp_restrict_regions",
    "scp_require_s3_encryption",
    "scp_protect_security_services",
    "scp_deny_iam_users",
    "scp_require_mfa",
]
ACTION = re.compile(r"^[a-z0-9-]+:[A-Za-z0-9*]+$")
OPERATORS = {"StringNotEquals", "StringNotEqualsIfExists", "Null", "BoolIfExists", "ArnNotLike"}


def test_six_valid_policies_within_the_size_limit() -> None:
    pack = foundational_scps(("eu-west-2", "eu-west-1"), ("BreakGlassRole",))
    assert len(pack) == 6 and len({p.name for p in pack}) == 6
    for scp in pack:
        assert len(scp.content) <= SCP_MAX_CHARS
        doc = json.loads(scp.content)
        assert doc["Version"] == "2012-10-17" and doc["Statement"]
        for st in doc["Statement"]:
            assert st["Effect"] == "Deny" and st["Resource"] == "*" and st["Sid"].isalnum()
            assert ("Action" in st) != ("NotAction" in st)
            actions = st.get("Action") or st.get("NotAction")
            assert all(ACTION.match(a) for a in (actions if isinstance(actions, list) else [actions]))
            assert set(st.get("Condition", {})) <= OPERATORS
    from policyuniverse.policy import Policy

    for scp in pack:
        Policy(json.loads(scp.content))  # parses as IAM policy grammar


def test_no_regions_is_refused() -> None:
    with pytest.raises(ValueError, match="approved region"):
        foundational_scps(())


def _rules_pass(inventory: Inventory, account: str | None = None) -> dict[str, FindingStatus]:
    rules = [r for r in load_rules() if r.id in SCP_RULES]
    ev = evaluate(
        rules, inventory, RuleContext(inventory=inventory, now=NOW), observed_at=NOW, require_collected=False
    )
    return {f.rule: f.status for f in ev.findings if account is None or f.resource.account == account}


def test_the_rules_recognise_the_pack() -> None:
    inv = Inventory()
    origin = Origin(OriginKind.LIVE, "111122223333", None)
    inv.add(Resource(ACCOUNT_TYPE, "111122223333", {}, origin))
    inv.add(Resource("AWS::Organizations::Organization", "o-1", {"FeatureSet": "ALL"}, origin))
    for scp in foundational_scps((REGION,)):
        inv.add(
            Resource(
                "AWS::Organizations::Policy",
                scp.name,
                {"Name": scp.name, "Content": json.loads(scp.content), "TargetIds": ["r-root"]},
                origin,
            )
        )
    assert _rules_pass(inv) == dict.fromkeys(SCP_RULES, FindingStatus.PASS)


@pytest.mark.usefixtures("aws")
def test_apply_attaches_in_organizations_and_the_rules_then_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org = boto3.client("organizations", region_name=REGION)
    org.create_organization(FeatureSet="ALL")
    # SCPs never restrict the management account: judge a member account
    member = org.create_account(Email="m@example.com", AccountName="m")["CreateAccountStatus"]["AccountId"]

    def collected() -> Inventory:
        factory = ClientFactory(boto3.session.Session(region_name=REGION))
        tasks = plan([AccountCollector(), OrganizationsCollector()], ["123456789012"], (REGION,))
        inv, _ = collect(
            [*tasks, *plan([AccountCollector()], [member], (REGION,))],
            {"123456789012": factory, member: factory},
            (REGION,),
        )
        return inv

    assert set(_rules_pass(collected(), member).values()) == {FindingStatus.FAIL}
    with pytest.raises(SystemExit) as exc:
        main(["guardrails", "scp", "--regions", REGION, "--out", str(tmp_path / "scps")])
    assert exc.value.code == 0 and "dry run" in capsys.readouterr().err
    assert set(_rules_pass(collected(), member).values()) == {
        FindingStatus.FAIL
    }  # the dry run attached nothing
    for _ in range(2):  # the second apply is idempotent
        with pytest.raises(SystemExit) as exc:
            main(
                [
                    "guardrails",
                    "scp",
                    "--regions",
                    REGION,
                    "--out",
                    str(tmp_path / "scps"),
                    "--apply",
                    "--yes",
                ]
            )
        assert exc.value.code == 0
    assert "updated" in capsys.readouterr().out
    assert _rules_pass(collected(), member) == dict.fromkeys(SCP_RULES, FindingStatus.PASS)
    assert set(_rules_pass(collected(), "123456789012").values()) == {FindingStatus.FAIL}
    assert len(list((tmp_path / "scps").glob("*.json"))) == 6


def test_remediation_stack_passes_cfn_lint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cfnlint.api import lint

    out = tmp_path / "stack.json"
    with pytest.raises(SystemExit) as exc:
        main(["guardrails", "remediation-stack", "-o", str(out)])
    assert exc.value.code == 0
    text = out.read_text()
    matches = lint(text, regions=["eu-west-2", "us-east-1"])
    errors = [m for m in matches if m.rule.id.startswith("E")]
    assert not errors, [str(m) for m in errors]
    doc = json.loads(text)
    types = [r["Type"] for r in doc["Resources"].values()]
    assert (
        types.count("AWS::Config::ConfigRule") >= 10
        and types.count("AWS::Config::RemediationConfiguration") >= 6
    )
    role = doc["Resources"]["RemediationRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"][0][
        "Action"
    ]
    assert "*" not in role and not any(a.endswith(":*") for a in role), "least privilege: named actions only"
