"""The organizations collector decides from what Organizations answers: a delegated administrator reads the
accounts and SCPs; a member account that is denied them has one gap saying where they can be read.

moto answers a member account's ListRoots with the management account's roots and models no delegated
administrator's resource policy (docs/emulator-gaps.md), so these responses are stubbed as the real API gives them.
"""

from __future__ import annotations

from typing import Any

import boto3
from botocore.stub import Stubber

from wasp.collect.clients import ClientFactory
from wasp.collect.organizations import ACCOUNT, ORG, POLICY, OrganizationsCollector
from wasp.collect.runner import Task, TaskResult, run_task
from wasp.model import SUPPLEMENTARY, Unresolved

REGION = "us-east-1"
MANAGEMENT = "999999999999"
DELEGATED = "111122223333"
MEMBER = "444455556666"
ORG_ID = "o-abcdef1234"
ROOT = "r-ab12"
OU = "ou-ab12-prod1234"
SCP = "p-deny1234"
DENIED = ("AccessDeniedException", "You don't have permissions to access this resource.")


def _org() -> dict[str, Any]:
    return {
        "Organization": {
            "Id": ORG_ID,
            "Arn": f"arn:aws:organizations::{MANAGEMENT}:organization/{ORG_ID}",
            "FeatureSet": "ALL",
            "MasterAccountId": MANAGEMENT,
            "MasterAccountArn": f"arn:aws:organizations::{MANAGEMENT}:account/{ORG_ID}/{MANAGEMENT}",
            "MasterAccountEmail": "root@example.com",
        }
    }


def _account(account: str, name: str) -> dict[str, Any]:
    return {
        "Id": account,
        "Arn": f"arn:aws:organizations::{MANAGEMENT}:account/{ORG_ID}/{account}",
        "Email": f"{name}@example.com",
        "Name": name,
        "Status": "ACTIVE",
    }


def _run(account: str, stub: Any) -> TaskResult:
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    stubber = Stubber(factory.client("organizations", REGION))
    stub(stubber)
    with stubber:
        result = run_task(Task(account, REGION, OrganizationsCollector()), factory, (REGION,))
    stubber.assert_no_pending_responses()
    return result


def test_a_delegated_administrator_reads_the_accounts_and_scps_without_a_member_gap() -> None:
    def stub(s: Stubber) -> None:
        s.add_response("describe_organization", _org())
        s.add_response(
            "list_roots",
            {
                "Roots": [
                    {
                        "Id": ROOT,
                        "Arn": f"arn:aws:organizations::{MANAGEMENT}:root/{ORG_ID}/{ROOT}",
                        "Name": "Root",
                    }
                ]
            },
            {},
        )
        s.add_response(
            "list_delegated_administrators",
            {"DelegatedAdministrators": [{"Id": DELEGATED, "Name": "security"}]},
            {},
        )
        s.add_response(
            "list_delegated_services_for_account",
            {"DelegatedServices": [{"ServicePrincipal": "organizations.amazonaws.com"}]},
            {"AccountId": DELEGATED},
        )
        s.add_response(
            "list_accounts_for_parent",
            {"Accounts": [_account(MANAGEMENT, "management"), _account(DELEGATED, "security")]},
            {"ParentId": ROOT},
        )
        s.add_response(
            "list_organizational_units_for_parent",
            {
                "OrganizationalUnits": [
                    {"Id": OU, "Arn": f"arn:aws:organizations::{MANAGEMENT}:ou/{ORG_ID}/{OU}", "Name": "prod"}
                ]
            },
            {"ParentId": ROOT},
        )
        s.add_response(
            "list_accounts_for_parent", {"Accounts": [_account(MEMBER, "payments")]}, {"ParentId": OU}
        )
        s.add_response("list_organizational_units_for_parent", {"OrganizationalUnits": []}, {"ParentId": OU})
        s.add_response(
            "list_policies",
            {
                "Policies": [
                    {
                        "Id": SCP,
                        "Arn": f"arn:aws:organizations::{MANAGEMENT}:policy/{ORG_ID}/service_control_policy/{SCP}",
                        "Name": "deny-leave",
                        "Type": "SERVICE_CONTROL_POLICY",
                        "AwsManaged": False,
                    }
                ]
            },
            {"Filter": "SERVICE_CONTROL_POLICY"},
        )
        s.add_response(
            "describe_policy",
            {
                "Policy": {
                    "PolicySummary": {"Id": SCP, "Name": "deny-leave", "Type": "SERVICE_CONTROL_POLICY"},
                    "Content": '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", '
                    '"Action": "organizations:LeaveOrganization", "Resource": "*"}]}',
                }
            },
            {"PolicyId": SCP},
        )
        s.add_response(
            "list_targets_for_policy",
            {"Targets": [{"TargetId": OU, "Arn": "arn:x", "Name": "prod", "Type": "ORGANIZATIONAL_UNIT"}]},
            {"PolicyId": SCP},
        )

    result = _run(DELEGATED, stub)
    assert result.gaps == ()
    [org] = [r for r in result.resources if r.type == ORG]
    assert org.properties[SUPPLEMENTARY]["CallerIsManagement"] is False
    # Organizations' delegated administrator lists the delegations as the management account does
    assert org.properties[SUPPLEMENTARY]["DelegatedAdministrators"] == {
        "organizations.amazonaws.com": [DELEGATED]
    }
    accounts = {r.id: r.properties[SUPPLEMENTARY]["OuPath"] for r in result.resources if r.type == ACCOUNT}
    assert accounts == {MANAGEMENT: "Root", DELEGATED: "Root", MEMBER: "Root/prod"}
    [scp] = [r for r in result.resources if r.type == POLICY]
    assert scp.properties["TargetIds"] == [OU]
    assert scp.properties["Content"]["Statement"][0]["Effect"] == "Deny"


def test_a_member_denied_the_organisation_tree_has_one_gap_naming_where_it_can_be_read() -> None:
    def stub(s: Stubber) -> None:
        s.add_response("describe_organization", _org())
        s.add_client_error("list_roots", *DENIED, http_status_code=400)
        s.add_client_error("list_delegated_services_for_account", *DENIED, http_status_code=400)

    result = _run(MEMBER, stub)
    assert [r.type for r in result.resources] == [ORG]
    [org] = result.resources
    own = org.properties[SUPPLEMENTARY]["CallerDelegatedServices"]
    assert isinstance(own, Unresolved), "a refused read of its own delegations is unknown, never 'none'"
    [probe] = [g for g in result.gaps if g.operation == "list_delegated_services_for_account"]
    assert not probe.blocks_service and probe.resource_types == (ORG,)
    [gap] = [g for g in result.gaps if g is not probe]
    assert gap.error == "access_denied" and gap.blocks_service and gap.account == MEMBER
    assert set(gap.resource_types) == {ACCOUNT, POLICY}
    assert f"account {MEMBER} is a member of {ORG_ID}" in gap.message
    assert "delegated administrator" in gap.message


def test_a_member_allowed_only_list_roots_leaves_accounts_and_scps_not_assessed() -> None:
    """A partial delegation policy: the tree's first denied read stops the collector, nothing looks empty."""

    def stub(s: Stubber) -> None:
        s.add_response("describe_organization", _org())
        s.add_response("list_roots", {"Roots": [{"Id": ROOT, "Name": "Root"}]}, {})
        s.add_client_error("list_delegated_administrators", *DENIED, http_status_code=400)
        s.add_client_error("list_accounts_for_parent", *DENIED, http_status_code=400)

    result = _run(DELEGATED, stub)
    assert [r.type for r in result.resources] == [ORG]
    blocked = {t for g in result.gaps if g.blocks_service for t in g.resource_types}
    assert {ACCOUNT, POLICY} <= blocked
    assert all(g.error == "access_denied" for g in result.gaps)
    assert not [g for g in result.gaps if "is a member of" in g.message], "a granted ListRoots is evidence"


def test_the_management_account_still_reads_delegated_administrators() -> None:
    def stub(s: Stubber) -> None:
        s.add_response("describe_organization", _org())
        s.add_response("list_delegated_administrators", {"DelegatedAdministrators": []}, {})
        s.add_client_error("list_roots", *DENIED, http_status_code=400)

    result = _run(MANAGEMENT, stub)
    [org] = [r for r in result.resources if r.type == ORG]
    assert org.properties[SUPPLEMENTARY] == {
        "ManagementAccountId": MANAGEMENT,
        "CallerIsManagement": True,
        "DelegatedAdministrators": {},
    }
    [gap] = result.gaps
    assert gap.operation == "list_roots" and "is a member of" not in gap.message


def test_a_security_account_learns_the_services_it_administers_itself() -> None:
    """A member delegated GuardDuty and Security Hub (not Organizations) may list its own delegations."""

    def stub(s: Stubber) -> None:
        s.add_response("describe_organization", _org())
        s.add_client_error("list_roots", *DENIED, http_status_code=400)
        s.add_response(
            "list_delegated_services_for_account",
            {
                "DelegatedServices": [
                    {"ServicePrincipal": "securityhub.amazonaws.com"},
                    {"ServicePrincipal": "guardduty.amazonaws.com"},
                ]
            },
            {"AccountId": DELEGATED},
        )

    result = _run(DELEGATED, stub)
    [org] = [r for r in result.resources if r.type == ORG]
    assert org.properties[SUPPLEMENTARY]["CallerDelegatedServices"] == [
        "guardduty.amazonaws.com",
        "securityhub.amazonaws.com",
    ]
    assert "DelegatedAdministrators" not in org.properties[SUPPLEMENTARY]
    [gap] = result.gaps
    assert gap.operation == "list_roots"
