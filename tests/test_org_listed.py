"""Accounts listed by hand (``accounts:`` / --accounts with role_name, no --org) on moto: a role that cannot be
assumed in one account is a gap for that account, as in an organisation review, never an abort."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from wasp.cli.app import main
from wasp.collect import session as session_module
from wasp.errors import AwsSetupError
from wasp.model import QuestionRisk, Workload
from wasp.model.org import SESSION_NAME
from wasp.workflow import collect_live, review_live

REGION = "us-east-1"
ROLE = "WaspReadOnly"
ACCOUNTS = ("111111111111", "222222222222", "333333333333")
DENIED = ACCOUNTS[1]
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def _accounts() -> Iterator[None]:
    """Three accounts on moto, each with one bucket (moto lets the caller assume a role in any account)."""
    from moto import mock_aws

    with pytest.MonkeyPatch.context() as mp:
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        mp.delenv("AWS_ENDPOINT_URL", raising=False)
        with mock_aws():
            sts = boto3.client("sts", region_name=REGION)
            for account in ACCOUNTS:
                creds = sts.assume_role(
                    RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName=SESSION_NAME
                )["Credentials"]
                s3 = boto3.client(
                    "s3",
                    region_name=REGION,
                    aws_access_key_id=creds["AccessKeyId"],
                    aws_secret_access_key=creds["SecretAccessKey"],
                    aws_session_token=creds["SessionToken"],
                )
                s3.create_bucket(Bucket=f"data-{account}")
            yield


def deny_assume(monkeypatch: pytest.MonkeyPatch, denied: set[str]) -> None:
    """The base session refuses AssumeRole into the ``denied`` accounts (as STS does for an untrusted caller)."""
    real = session_module.base_session

    def refuse(params: dict[str, Any], **_: Any) -> None:
        if params["RoleArn"].split(":")[4] in denied:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "not trusted"}}, "AssumeRole")

    def patched(profile: str | None, region: str) -> boto3.session.Session:
        session = real(profile, region)
        session.events.register("before-parameter-build.sts.AssumeRole", refuse)
        return session

    monkeypatch.setattr(session_module, "base_session", patched)


def listed() -> Workload:
    return Workload(name="listed", regions=(REGION,), accounts=ACCOUNTS, role_name=ROLE)


@pytest.mark.usefixtures("_accounts")
def test_every_listed_account_assumed_is_reviewed_without_an_assume_gap() -> None:
    inventory, stats, accounts = collect_live(listed(), collectors=["s3"])
    assert accounts == ACCOUNTS
    assert stats.accounts_selected == stats.accounts_reviewed == 3 and not stats.unopened
    assert not [g for g in inventory.gaps if g.service == "sts"]
    assert {r.account for r in inventory.of_type("AWS::S3::Bucket")} == set(ACCOUNTS)


@pytest.mark.usefixtures("_accounts")
def test_a_denied_assume_in_one_listed_account_is_a_gap_there_and_the_others_are_reviewed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deny_assume(monkeypatch, {DENIED})
    run = review_live(listed(), collectors=["s3"], now=NOW)
    assert run.stats.accounts_selected == 3 and run.stats.accounts_reviewed == 2
    assert run.stats.unopened == (f"cannot assume {ROLE} in {DENIED}: AccessDenied",)
    gaps = [g for g in run.review.gaps if g.account == DENIED]
    assert len(gaps) == 1 and gaps[0].error == "access_denied" and gaps[0].blocks_service
    assert gaps[0].message.startswith(f"cannot assume {ROLE} in {DENIED}: AccessDenied")
    assert "AWS::S3::Bucket" in gaps[0].resource_types
    assert not [f for f in run.review.findings if f.resource.account == DENIED]
    reviewed = {f.resource.account for f in run.review.findings if f.resource.type == "AWS::S3::Bucket"}
    assert reviewed == {ACCOUNTS[0], ACCOUNTS[2]}
    denied_row = [a for a in run.review.accounts if a.account == DENIED]
    assert denied_row, "the unopened account is in the per-account results"
    assert denied_row[0].gaps == 1 and denied_row[0].count(QuestionRisk.NONE) == 0, (
        "no question of the unopened account is decided as no risk"
    )


@pytest.mark.usefixtures("_accounts")
def test_a_strict_open_still_refuses_an_unassumable_role(monkeypatch: pytest.MonkeyPatch) -> None:
    """Callers that must not continue (fixes) still get one clear error line."""
    deny_assume(monkeypatch, {DENIED})
    with pytest.raises(
        AwsSetupError, match=f"cannot assume arn:aws:iam::{DENIED}:role/{ROLE} \\(AccessDenied\\)"
    ):
        session_module.open_accounts(None, ACCOUNTS, ROLE, REGION)


@pytest.mark.usefixtures("_accounts")
def test_cli_review_of_listed_accounts_says_how_many_were_reviewed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    deny_assume(monkeypatch, {DENIED})
    args = ["review", "--accounts", ",".join(ACCOUNTS), "--role-name", ROLE, "--regions", REGION]
    with pytest.raises(SystemExit) as exc:
        main([*args, "--collectors", "s3", "-o", str(tmp_path)])
    captured = capsys.readouterr()
    output = captured.out + captured.err
    assert exc.value.code in (0, None), output
    assert "reviewed 2 of 3 selected accounts; 1 could not be opened" in " ".join(output.split())
    assert f"cannot assume {ROLE} in {DENIED}: AccessDenied" in output
    assert "Traceback" not in output
