"""`wasp permissions --stackset`: the member-account role as a CloudFormation template for a StackSet."""

from __future__ import annotations

import json

import pytest

from wasp.cli.app import main
from wasp.collect import required_permissions, select_collectors
from wasp.org.stackset import MAX_INLINE_POLICY


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out, captured.err


def test_template_trusts_the_runner_with_external_id_and_grants_exactly_the_collectors_reads(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cfnlint.api import lint

    code, out, err = run(
        ["permissions", "--stackset", "--trusted", "111122223333", "--external-id", "x-1"], capsys
    )
    assert code == 0, err
    doc = json.loads(out)
    role = doc["Resources"]["WaspReadOnlyRole"]["Properties"]
    assert role["RoleName"] == "WaspReadOnly"
    (trust,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"AWS": "arn:aws:iam::111122223333:root"}
    assert trust["Condition"]["StringEquals"] == {
        "sts:ExternalId": "x-1",
        "sts:RoleSessionName": "wasp-review",
    }
    (policy,) = role["Policies"]
    (grant,) = policy["PolicyDocument"]["Statement"]
    assert grant["Action"] == required_permissions(select_collectors(None)) and grant["Resource"] == "*"
    assert len(json.dumps(policy["PolicyDocument"], separators=(",", ":"))) < MAX_INLINE_POLICY
    assert not [m for m in lint(out, regions=["us-east-1"]) if m.rule.id.startswith("E")]


def test_a_hub_role_can_be_the_trusted_principal(capsys: pytest.CaptureFixture[str]) -> None:
    hub = "arn:aws:iam::111122223333:role/WaspHub"
    code, out, _ = run(["permissions", "--stackset", "--trusted", hub, "--role-name", "Audit"], capsys)
    role = json.loads(out)["Resources"]["WaspReadOnlyRole"]["Properties"]
    assert code == 0 and role["RoleName"] == "Audit"
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {"AWS": hub}
    assert (
        "sts:ExternalId" not in role["AssumeRolePolicyDocument"]["Statement"][0]["Condition"]["StringEquals"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--stackset"], "needs --trusted"),
        (["--stackset", "--trusted", "1234"], "needs --trusted"),
        (["--trusted", "111122223333"], "add --stackset"),
    ],
)
def test_stackset_flags_are_checked(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["permissions", *args], capsys)
    assert code == 2 and message in " ".join(err.split()) and not out
