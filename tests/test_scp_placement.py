"""SCPs count for an account only where they apply: attached to it, to an OU on its path, or to the root."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from conftest import NOW, REGION
from wasp.collect.account import AccountCollector
from wasp.collect.clients import ClientFactory
from wasp.collect.organizations import OrganizationsCollector
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model import ACCOUNT_TYPE, Finding, FindingStatus, Gap, Inventory, Origin, OriginKind, Resource
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

SCP_RULES = (
    "scp_deny_leave_org",
    "scp_restrict_regions",
    "scp_require_s3_encryption",
    "scp_protect_security_services",
    "scp_deny_iam_users",
    "scp_require_mfa",
)
RULES = {r.id: r for r in load_rules()}
P, F, U = FindingStatus.PASS, FindingStatus.FAIL, FindingStatus.UNKNOWN
MANAGEMENT = "123456789012"
PROTECT = {
    "Statement": [
        {
            "Effect": "Deny",
            "Resource": "*",
            "Action": [
                "cloudtrail:StopLogging",
                "guardduty:DeleteDetector",
                "securityhub:DisableSecurityHub",
                "config:StopConfigurationRecorder",
            ],
        }
    ]
}


def _findings(rule: str, inv: Inventory) -> dict[str, Finding]:
    ctx = RuleContext(inventory=inv, workload=WorkloadScope(regions=(REGION,)), now=NOW)
    return {f.resource.id: f for f in evaluate((RULES[rule],), inv, ctx, observed_at=NOW).findings}


@pytest.fixture
def org() -> dict[str, str]:
    """An emulated organisation: Root / Workloads / {Prod, Sandbox}, one member account in each leaf OU."""
    client = boto3.client("organizations", region_name=REGION)
    client.create_organization(FeatureSet="ALL")
    root = client.list_roots()["Roots"][0]["Id"]
    work = client.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
    ids = {"root": root, "work": work}
    for name in ("Prod", "Sandbox"):
        ou = client.create_organizational_unit(ParentId=work, Name=name)["OrganizationalUnit"]["Id"]
        acct = client.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"][
            "AccountId"
        ]
        client.move_account(AccountId=acct, SourceParentId=root, DestinationParentId=ou)
        ids[name] = ou
        ids[f"{name}-account"] = acct
    return ids


def _collected(ids: dict[str, str]) -> Inventory:
    """The organisation read from the management account; account settings from every account."""
    members = [ids["Prod-account"], ids["Sandbox-account"]]
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    tasks = plan([AccountCollector(), OrganizationsCollector()], [MANAGEMENT], (REGION,))
    tasks += plan([AccountCollector()], members, (REGION,))
    inv, _ = collect(tasks, dict.fromkeys([MANAGEMENT, *members], factory), (REGION,))
    return inv


def _attach(ids: dict[str, str], target: str) -> None:
    client = boto3.client("organizations", region_name=REGION)
    existing = [
        p for p in client.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"] if p["Name"] == "protect"
    ]
    pid = (
        existing[0]["Id"]
        if existing
        else client.create_policy(
            Name="protect", Type="SERVICE_CONTROL_POLICY", Description="", Content=json.dumps(PROTECT)
        )["Policy"]["PolicySummary"]["Id"]
    )
    client.attach_policy(PolicyId=pid, TargetId=ids[target])


@pytest.mark.usefixtures("aws")
def test_the_collector_records_the_path_by_id(org: dict[str, str]) -> None:
    inv = _collected(org)
    prod = next(a for a in inv.of_type("AWS::Organizations::Account") if a.id == org["Prod-account"])
    chain = prod.properties["Supplementary"]["OuChain"]
    assert [hop["Id"] for hop in chain] == [org["root"], org["work"], org["Prod"]]
    assert [hop["Name"] for hop in chain] == ["Root", "Workloads", "Prod"]
    assert prod.properties["Supplementary"]["OuPath"] == "Root/Workloads/Prod"


@pytest.mark.usefixtures("aws")
def test_an_scp_on_the_sandbox_ou_does_not_pass_production(org: dict[str, str]) -> None:
    prod, sandbox = org["Prod-account"], org["Sandbox-account"]
    _attach(org, "Sandbox")
    got = _findings("scp_protect_security_services", _collected(org))
    assert got[sandbox].status is P and f"OU Sandbox ({org['Sandbox']})" in got[sandbox].message
    assert got[prod].status is F and "attached only outside" in got[prod].message
    assert got[prod].evidence["scps_attached_elsewhere"] == [f"protect attached to {org['Sandbox']}"]
    assert got[MANAGEMENT].status is F and "management account" in got[MANAGEMENT].message
    # one finding per account
    assert set(got) == {MANAGEMENT, prod, sandbox}


@pytest.mark.usefixtures("aws")
@pytest.mark.parametrize(
    ("target", "where"), [("work", "OU Workloads"), ("root", "the root"), ("Prod-account", "the account")]
)
def test_an_scp_on_the_path_applies(org: dict[str, str], target: str, where: str) -> None:
    _attach(org, target)
    got = _findings("scp_protect_security_services", _collected(org))
    prod = got[org["Prod-account"]]
    assert prod.status is P and where in prod.message
    assert got[MANAGEMENT].status is F  # SCPs never restrict the management account


def _acct(account: str = "111122223333") -> Resource:
    return Resource(ACCOUNT_TYPE, account, {}, Origin(OriginKind.LIVE, account, None))


def _org(management: str = "999999999999") -> Resource:
    return Resource(
        "AWS::Organizations::Organization",
        "o-1",
        {"Supplementary": {"ManagementAccountId": management}},
        Origin(OriginKind.LIVE, management, None),
    )


def _scp(content: dict[str, Any], targets: Any) -> Resource:
    return Resource(
        "AWS::Organizations::Policy",
        "p-1",
        {"Name": "guardrail", "Content": content, "TargetIds": targets},
        Origin(OriginKind.LIVE, "999999999999", None),
    )


def test_a_failed_read_of_the_account_list_is_unknown_not_fail() -> None:
    inv = Inventory()
    inv.extend([_acct(), _org(), _scp(PROTECT, ["ou-prod"])])
    inv.mark_collected(ACCOUNT_TYPE, "AWS::Organizations::Organization", "AWS::Organizations::Policy")
    inv.mark_collected("AWS::Organizations::Account")
    inv.add_gap(
        Gap(
            "organizations",
            "list_accounts_for_parent",
            "access_denied",
            "denied",
            "111122223333",
            None,
            ("AWS::Organizations::Account",),
        )
    )
    assert _findings("scp_protect_security_services", inv)["111122223333"].status is U


@pytest.mark.parametrize("rule", SCP_RULES)
def test_every_guardrail_rule_uses_placement(rule: str) -> None:
    """Each rule's own passing content, attached only off the path, fails; on the root, passes."""
    content = (
        next(e for e in RULES[rule].examples if e.name == "attached-to-root")
        .related[-1]
        .properties["Content"]
    )
    member = Resource(
        "AWS::Organizations::Account",
        "111122223333",
        {"Supplementary": {"OuChain": [{"Id": "r-1", "Name": "Root"}, {"Id": "ou-prod", "Name": "Prod"}]}},
        Origin(OriginKind.LIVE, "999999999999", None),
    )
    for targets, expect in ((["ou-sandbox"], F), (["r-1"], P), (["ou-prod"], P), (["111122223333"], P)):
        inv = Inventory()
        inv.extend([_acct(), _org(), member, _scp(content, targets)])
        inv.mark_collected(*RULES[rule].meta.reads_types)
        assert _findings(rule, inv)["111122223333"].status is expect, (rule, targets)
