"""Admin and broad access seen wherever it is granted, and trust policies read: in a template, in Terraform (HCL
and the linking of attachments), and in a live account emulated by moto."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.cli.app import main
from wasp.collect.clients import ClientFactory
from wasp.collect.registry import select_collectors
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.iac.cloudformation import load_cloudformation
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules
from wasp.scan_workflow import scan

FIXTURES = Path(__file__).parent / "fixtures" / "iac-policy"
V = "2012-10-17"
IAM_RULES = {
    "iam_role_no_admin",
    "iam_user_no_admin",
    "iam_role_no_broad_access",
    "iam_user_no_broad_access",
    "iam_role_trust_restricted",
}


def _verdicts(paths: list[Path]) -> dict[tuple[str, str], tuple[str, str]]:
    result = scan(paths)
    assert result.errors == []
    return {
        (f.rule, str(f.resource.address)): (f.status.value, f.severity.value)
        for f in result.findings
        if f.rule in IAM_RULES
    }


def test_template_links_policies_attached_from_elsewhere() -> None:
    res = {r.id: r for r in load_cloudformation(FIXTURES / "template.yaml")}
    assert [p["PolicyName"] for p in res["AppRole"].properties["Policies"]] == ["everything"]
    assert res["WorkerRole"].properties["ManagedPolicyArns"] == ["NearAdmin"]
    assert [p["PolicyName"] for p in res["ScopedRole"].properties["Policies"]] == ["read-one-bucket"]
    assert res["Alice"].properties["Groups"] == ["admins"]
    assert "Policies" not in res["PartnerRole"].properties


def test_template_verdicts() -> None:
    found = _verdicts([FIXTURES / "template.yaml"])
    assert found[("iam_role_no_admin", "AppRole")] == (
        "fail",
        "critical",
    )  # only via a separate AWS::IAM::Policy
    assert found[("iam_role_no_admin", "WorkerRole")] == (
        "fail",
        "high",
    )  # ManagedPolicy Roles:, NotAction iam:*
    assert found[("iam_role_no_admin", "ScopedRole")][0] == "pass"
    assert found[("iam_user_no_admin", "Alice")] == ("fail", "critical")  # UserToGroupAddition
    assert found[("iam_user_no_admin", "Bob")][0] == "pass"
    assert found[("iam_user_no_broad_access", "Bob")] == ("fail", "high")  # s3:* on arn:aws:s3:::*
    assert found[("iam_role_no_broad_access", "ScopedRole")][0] == "pass"
    assert found[("iam_role_trust_restricted", "PublicRole")] == ("fail", "critical")
    assert found[("iam_role_trust_restricted", "GithubRole")] == ("fail", "high")  # aud but no sub
    assert found[("iam_role_trust_restricted", "PartnerRole")][0] == "unknown"  # no workload accounts given
    assert found[("iam_role_trust_restricted", "AppRole")][0] == "pass"


def test_terraform_verdicts() -> None:
    found = _verdicts([FIXTURES / "terraform"])
    assert found[("iam_role_no_admin", "aws_iam_role.app")] == ("fail", "critical")  # role_policy_attachment
    assert found[("iam_role_no_admin", "aws_iam_role.worker")] == (
        "fail",
        "high",
    )  # aws_iam_policy_attachment
    assert found[("iam_user_no_admin", "aws_iam_user.carol")] == (
        "fail",
        "high",
    )  # the same attachment's users
    assert found[("iam_user_no_admin", "aws_iam_user.alice")] == ("fail", "critical")  # user_group_membership
    assert found[("iam_user_no_admin", "aws_iam_user.bob")] == ("fail", "critical")  # group_membership
    assert found[("iam_role_no_admin", "aws_iam_role.scoped")][0] == "pass"
    assert found[("iam_role_no_broad_access", "aws_iam_role.scoped")][0] == "pass"
    assert found[("iam_role_trust_restricted", "aws_iam_role.anyone")] == ("fail", "critical")
    assert found[("iam_role_trust_restricted", "aws_iam_role.app")][0] == "pass"


def test_wasp_scan_fails_the_fixtures(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "scan",
                str(FIXTURES / "template.yaml"),
                str(FIXTURES / "terraform"),
                "--format",
                "json",
                "--fail-on",
                "critical",
            ]
        )
    assert exc.value.code == 1
    out = capsys.readouterr().out
    assert "iam_role_no_admin" in out and "AppRole" in out and "aws_iam_role.worker" in out


def _live_verdicts() -> dict[tuple[str, str], tuple[str, str]]:
    iam = boto3.client("iam", region_name=REGION)
    lambda_trust = {
        "Version": V,
        "Statement": [
            {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
        ],
    }
    near = iam.create_policy(
        PolicyName="near-admin",
        PolicyDocument=json.dumps(
            {"Version": V, "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}
        ),
    )["Policy"]["Arn"]
    iam.create_role(RoleName="worker", AssumeRolePolicyDocument=json.dumps(lambda_trust))
    iam.attach_role_policy(RoleName="worker", PolicyArn=near)
    partner: dict[str, Any] = {
        "Version": V,
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    iam.create_role(RoleName="partner", AssumeRolePolicyDocument=json.dumps(partner))
    partner["Statement"][0]["Condition"] = {"StringEquals": {"sts:ExternalId": "k-1"}}
    iam.create_role(RoleName="partner-guarded", AssumeRolePolicyDocument=json.dumps(partner))
    iam.create_group(GroupName="ops")
    iam.put_group_policy(
        GroupName="ops",
        PolicyName="everything",
        PolicyDocument=json.dumps(
            {"Version": V, "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        ),
    )
    iam.create_user(UserName="dana")
    iam.add_user_to_group(GroupName="ops", UserName="dana")
    iam.create_user(UserName="erin")
    factory = ClientFactory(boto3.session.Session(region_name=REGION))
    inventory, _ = collect(
        plan(select_collectors(["iam"]), ["123456789012"], (REGION,)), {"123456789012": factory}, (REGION,)
    )
    ctx = RuleContext(
        inventory=inventory,
        workload=WorkloadScope(regions=(REGION,), accounts=("123456789012",)),
        now=datetime(2026, 11, 28, tzinfo=UTC),
    )
    rules = [r for r in load_rules() if r.id in IAM_RULES]
    ev = evaluate(rules, inventory, ctx, observed_at=ctx.now)
    return {(f.rule, f.resource.id): (f.status.value, f.severity.value) for f in ev.findings}


def test_live_account_in_moto(aws: None) -> None:
    found = _live_verdicts()
    assert found[("iam_role_no_admin", "worker")] == ("fail", "high")  # customer-managed NotAction
    assert found[("iam_user_no_admin", "dana")] == ("fail", "critical")  # a group's inline policy
    assert found[("iam_user_no_broad_access", "dana")] == ("fail", "high")
    assert found[("iam_user_no_admin", "erin")][0] == "pass"
    assert found[("iam_role_trust_restricted", "partner")] == ("fail", "high")
    assert found[("iam_role_trust_restricted", "partner-guarded")][0] == "pass"
    assert found[("iam_role_trust_restricted", "worker")][0] == "pass"
