"""Remediation changes only what the review found, in the account it found it (moto, several accounts)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from conftest import REGION
from wasp.catalogue import load_catalogue
from wasp.collect.clients import ClientFactory
from wasp.engine import run_review
from wasp.model import Workload
from wasp.model.rule import WorkloadScope
from wasp.remediate.apply import ItemResult, apply_fixes
from wasp.remediate.base import FixContext
from wasp.remediate.plan import plan
from wasp.report import review_dict
from wasp.rules import load_rules
from wasp.workflow import collect_live

OWN = "123456789012"
OTHER = "210987654321"
ROLE = "WaspFix"
RULE = "iam_access_key_unused"
CTX = FixContext(workload=WorkloadScope(regions=(REGION,)))


def _session(account: str = OWN) -> boto3.session.Session:
    """The default test credentials (account OWN), or a role assumed into another moto account."""
    own = boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION
    )  # explicit: a test may point the environment's credentials at another account
    if account == OWN:
        return own
    creds = own.client("sts", region_name=REGION).assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/{ROLE}", RoleSessionName="seed"
    )["Credentials"]
    return boto3.session.Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name=REGION,
    )


def _key(user: str, age_days: int, account: str = OWN) -> dict[str, Any]:
    """A new access key for ``user`` (created if needed) that looks ``age_days`` old; its id and secret."""
    from moto.iam.models import iam_backends

    iam = _session(account).client("iam", region_name=REGION)
    if user not in iam_backends[account]["global"].users:
        iam.create_user(UserName=user)
    key: dict[str, Any] = iam.create_access_key(UserName=user)["AccessKey"]
    for made in iam_backends[account]["global"].users[user].access_keys:
        if made.access_key_id == key["AccessKeyId"]:
            made.create_date = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=age_days)
    return key


def _use(key: dict[str, Any]) -> None:
    """Sign one request with the key: moto records it as the key's last use."""
    boto3.session.Session(
        aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"], region_name=REGION
    ).client("sts", region_name=REGION).get_caller_identity()


def _status(key: dict[str, Any], account: str = OWN) -> str:
    iam = _session(account).client("iam", region_name=REGION)
    listed = iam.list_access_keys(UserName=key["UserName"])["AccessKeyMetadata"]
    return str(next(k["Status"] for k in listed if k["AccessKeyId"] == key["AccessKeyId"]))


def _review(accounts: tuple[str, ...] = (), role: str | None = None) -> dict[str, Any]:
    wl = Workload(name="scope", regions=(REGION,), accounts=accounts, role_name=role)
    inv, _, _ = collect_live(wl, collectors=["iam"])
    return review_dict(
        run_review(
            catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
        )
    )


def _failing(review: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in review["findings"] if f["rule"] == RULE and f["status"] == "fail"]


def _apply(review: dict[str, Any], log: Path, clients: ClientFactory | None = None) -> list[ItemResult]:
    clients = clients or ClientFactory(_session())
    return apply_fixes(plan(review, CTX, rules=[RULE]), clients, OWN, (REGION,), CTX, log, "tester")


def _log(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.mark.usefixtures("aws")
def test_the_review_names_keys_by_their_access_key_id() -> None:
    first, second = _key("two", 200), _key("two", 1)
    ids = {
        f["resource"]["id"] for f in _review()["findings"] if f["resource"]["type"] == "AWS::IAM::AccessKey"
    }
    assert ids == {f"two/{first['AccessKeyId']}", f"two/{second['AccessKeyId']}"}
    assert [f["resource"]["id"] for f in _failing(_review())] == [f"two/{first['AccessKeyId']}"]


@pytest.mark.usefixtures("aws")
def test_a_key_used_since_the_review_is_not_deactivated(tmp_path: Path) -> None:
    key = _key("old", 200)
    review = _review()
    assert len(_failing(review)) == 1
    _use(key)  # after the review, before the fix
    clients = ClientFactory(_session())
    [result] = _apply(review, tmp_path / "a.jsonl", clients)
    assert (result.status, result.reason) == ("already_compliant", "no longer fails")
    assert _status(key) == "Active"
    # the key's last use is read directly, not from the credential report (AWS may serve that hours old)
    assert clients.calls["iam:GetAccessKeyLastUsed"] == 1 and "iam:GetCredentialReport" not in clients.calls
    assert "iam:UpdateAccessKey" not in clients.calls
    [line] = _log(tmp_path / "a.jsonl")
    assert line["skipped"] == "no longer fails" and line["resource"] == f"old/{key['AccessKeyId']}"


@pytest.mark.usefixtures("aws")
def test_a_still_unused_key_is_deactivated_by_its_id(tmp_path: Path) -> None:
    stale, fresh = _key("pair", 200), _key("pair", 1)
    [result] = _apply(_review(), tmp_path / "a.jsonl")
    assert result.status == "fixed" and result.calls == [
        f"iam.update_access_key(UserName='pair', AccessKeyId='{stale['AccessKeyId']}', Status='Inactive')"
    ]
    assert (_status(stale), _status(fresh)) == ("Inactive", "Active")


@pytest.mark.usefixtures("aws")
def test_a_deleted_key_is_gone_and_the_users_other_key_in_use_is_untouched(tmp_path: Path) -> None:
    stale, in_use = _key("ci", 200), _key("ci", 300)
    _use(in_use)
    review = _review()
    assert [f["resource"]["id"] for f in _failing(review)] == [f"ci/{stale['AccessKeyId']}"]
    boto3.client("iam", region_name=REGION).delete_access_key(UserName="ci", AccessKeyId=stale["AccessKeyId"])
    # the in-use key now sits in the credential report's first slot, where the deleted one was
    clients = ClientFactory(_session())
    [result] = _apply(review, tmp_path / "a.jsonl", clients)
    assert (result.status, result.reason) == ("skipped", "gone since the review")
    assert _status(in_use) == "Active" and "iam:UpdateAccessKey" not in clients.calls
    assert _log(tmp_path / "a.jsonl")[0]["skipped"] == "gone since the review"


@pytest.mark.usefixtures("aws")
def test_a_review_naming_a_key_by_slot_is_not_fixed(tmp_path: Path) -> None:
    key = _key("legacy", 200)
    review = _review()
    for f in _failing(review):
        f["resource"]["id"] = "legacy/key1"  # how reviews named keys before they carried key ids
    [result] = _apply(review, tmp_path / "a.jsonl")
    assert (result.status, result.reason) == ("skipped", "needs input")
    assert "by its credential-report slot" in result.detail and "review again" in result.detail
    assert _status(key) == "Active"


@pytest.mark.usefixtures("aws")
def test_a_resource_failing_for_a_different_reason_is_left_alone(tmp_path: Path) -> None:
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="half", CreateBucketConfiguration={"LocationConstraint": REGION})
    wl = Workload(name="scope", regions=(REGION,))
    inv, _, _ = collect_live(wl, collectors=["s3"])
    review = review_dict(
        run_review(
            catalogue=load_catalogue(), rules=load_rules(), inventory=inv, workload=wl, now=datetime.now(UTC)
        )
    )
    flags = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")
    s3.put_public_access_block(
        Bucket="half", PublicAccessBlockConfiguration={f: f.endswith("Acls") for f in flags}
    )
    entries = plan(review, CTX, rules=["s3_bucket_public_access_block"])
    clients = ClientFactory(_session())
    [result] = apply_fixes(entries, clients, OWN, (REGION,), CTX, tmp_path / "a.jsonl", "t")
    assert (result.status, result.reason) == ("skipped", "fails for a different reason now")
    assert "PutPublicAccessBlock" not in " ".join(clients.calls)
    assert (
        s3.get_public_access_block(Bucket="half")["PublicAccessBlockConfiguration"]["BlockPublicPolicy"]
        is False
    )


@pytest.mark.usefixtures("aws")
def test_credentials_for_another_account_change_nothing(tmp_path: Path) -> None:
    ours, theirs = _key("deploy", 200), _key("deploy", 200, account=OTHER)  # same user name in both
    review = _review()
    clients = ClientFactory(_session(OTHER))
    [result] = _apply(review, tmp_path / "a.jsonl", clients)
    assert (result.status, result.reason) == ("skipped", "account mismatch")
    assert f"account {OWN}" in result.detail and f"account {OTHER}" in result.detail
    assert (_status(ours), _status(theirs, OTHER)) == ("Active", "Active")
    assert set(clients.calls) == {"sts:GetCallerIdentity"}
    assert _log(tmp_path / "a.jsonl")[0]["skipped"] == "account mismatch"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    from wasp.cli.app import main

    with pytest.raises(SystemExit) as exc:
        main(list(args))
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out + captured.err


def _as_other_account(monkeypatch: pytest.MonkeyPatch) -> None:
    creds = _session(OTHER).get_credentials()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", creds.access_key)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", creds.secret_key)
    monkeypatch.setenv("AWS_SESSION_TOKEN", creds.token or "")


@pytest.mark.usefixtures("aws")
def test_cli_refuses_a_review_of_another_account_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ours, theirs = _key("deploy", 200), _key("deploy", 200, account=OTHER)
    review = tmp_path / "review.json"
    review.write_text(json.dumps(_review()))
    _as_other_account(monkeypatch)
    log = tmp_path / "audit.jsonl"
    code, text = _cli(capsys, "fix", "apply", str(review), "--yes", "--audit-log", str(log))
    assert code == 2 and len(text.strip().splitlines()) == 1, text
    assert "refusing to fix" in text and OWN in text and OTHER in text and "nothing was changed" in text
    assert (_status(ours), _status(theirs, OTHER)) == ("Active", "Active")
    assert [line["skipped"] for line in _log(log)] == ["account mismatch"]


@pytest.mark.usefixtures("aws")
def test_cli_without_a_role_fixes_only_the_callers_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = _key("deploy", 200), _key("deploy", 200, account=OTHER)
    review = tmp_path / "review.json"
    review.write_text(json.dumps(_review((OWN, OTHER), ROLE)))
    assert {f["resource"]["account"] for f in _failing(json.loads(review.read_text()))} == {OWN, OTHER}
    log = tmp_path / "audit.jsonl"
    code, text = _cli(capsys, "fix", "apply", str(review), "--yes", "--audit-log", str(log))
    assert code == 1, text
    assert f"refused 1 fix(es): the review found these in account {OTHER}" in text and "role_name" in text
    assert (_status(ours), _status(theirs, OTHER)) == ("Inactive", "Active")
    assert sorted((line["account"], line.get("skipped", "changed")) for line in _log(log)) == [
        (OWN, "changed"),
        (OTHER, "account mismatch"),
    ]


@pytest.mark.usefixtures("aws")
def test_cli_with_a_role_fixes_each_account_in_that_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = _key("deploy", 200), _key("deploy", 200, account=OTHER)
    review = tmp_path / "review.json"
    review.write_text(json.dumps(_review((OWN, OTHER), ROLE)))
    log = tmp_path / "audit.jsonl"
    code, text = _cli(
        capsys, "fix", "apply", str(review), "--yes", "--role-name", ROLE, "--audit-log", str(log)
    )
    assert code == 0, text
    assert (_status(ours), _status(theirs, OTHER)) == ("Inactive", "Inactive")
    changes = {line["account"]: line["resource"] for line in _log(log)}
    assert changes == {OWN: f"deploy/{ours['AccessKeyId']}", OTHER: f"deploy/{theirs['AccessKeyId']}"}


def _collect_keys(answer: tuple[int, dict[str, Any]]) -> tuple[list[Any], list[Any]]:
    """The IAM collector's keys and gaps, with ListAccessKeys answering ``answer`` (status, body)."""
    from botocore.awsrequest import AWSResponse

    from wasp.collect.api import ApiReader
    from wasp.collect.iam import KEY_TYPE, IamCollector

    clients = ClientFactory(_session())
    status, body = answer
    clients.client("iam", REGION).meta.events.register(
        "before-call.iam.ListAccessKeys",
        lambda **_: (AWSResponse("https://iam.amazonaws.com/", status, {}, None), body),
    )
    collector = IamCollector()
    api = ApiReader(clients, OWN, REGION, "iam", collector.resource_types, is_global=True)
    return [r for r in collector.collect(api) if r.type == KEY_TYPE], api.gaps


@pytest.mark.usefixtures("aws")
def test_a_key_whose_id_cannot_be_listed_keeps_its_slot_name_and_its_verdict() -> None:
    from wasp.model import Unresolved

    _key("u", 200)
    denied = {"Error": {"Code": "AccessDenied", "Message": "no"}, "ResponseMetadata": {"HTTPStatusCode": 403}}
    [key], gaps = _collect_keys((403, denied))
    assert key.id == "u/key1" and isinstance(key.properties["AccessKeyId"], Unresolved)
    [gap] = gaps
    assert gap.operation == "list_access_keys" and not gap.blocks_service  # idle-key verdicts still stand


@pytest.mark.usefixtures("aws")
def test_a_credential_report_older_than_the_key_list_names_no_key_id() -> None:
    from wasp.model import Unresolved

    _key("u", 200)
    other = {"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "UserName": "u", "Status": "Active"}
    listed = {"AccessKeyMetadata": [{**other, "CreateDate": datetime(2020, 1, 1, tzinfo=UTC)}]}
    [key], gaps = _collect_keys((200, listed))
    assert key.id == "u/key1" and gaps == []
    assert (
        isinstance(key.properties["AccessKeyId"], Unresolved)
        and "older" in key.properties["AccessKeyId"].reason
    )


def test_nothing_is_changed_when_sts_cannot_name_the_account(tmp_path: Path) -> None:
    from botocore.stub import Stubber

    from wasp.errors import AwsSetupError
    from wasp.remediate.plan import PlanEntry
    from wasp.remediate.registry import fixers

    clients = ClientFactory(_session())
    stub = Stubber(clients.client("sts", REGION))
    stub.add_client_error("get_caller_identity", "ExpiredToken", http_status_code=403)
    stub.activate()
    finding = {
        "id": "f-1",
        "rule": RULE,
        "message": "m",
        "resource": {"type": "t", "id": "u/AKIA", "account": OWN},
    }
    entry = PlanEntry(finding, fixers()[RULE], ())
    with pytest.raises(AwsSetupError, match="cannot confirm which account"):
        apply_fixes([entry], clients, OWN, (REGION,), CTX, tmp_path / "a.jsonl", "t")
    stub.assert_no_pending_responses()
    assert "iam:UpdateAccessKey" not in clients.calls and not (tmp_path / "a.jsonl").exists()


@pytest.mark.usefixtures("aws")
def test_two_keys_created_in_the_same_second_stay_two_keys_told_apart_by_status() -> None:
    from moto.iam.models import iam_backends

    from wasp.model import Unresolved

    a, b = _key("twin", 1), _key("twin", 1)
    for made in iam_backends[OWN]["global"].users["twin"].access_keys:
        made.create_date = datetime(2025, 1, 1, 12, 0, 0)
    keys, _ = _collect_keys_plain()
    assert sorted(k.id for k in keys) == ["twin/key1", "twin/key2"]  # never one key under two slots
    assert all("same second" in k.properties["AccessKeyId"].reason for k in keys)
    assert all(isinstance(k.properties["AccessKeyId"], Unresolved) for k in keys)
    iam = _session().client("iam", region_name=REGION)
    iam.update_access_key(UserName="twin", AccessKeyId=b["AccessKeyId"], Status="Inactive")
    keys, _ = _collect_keys_plain()
    assert {k.properties["Status"]: k.id for k in keys} == {
        "Active": f"twin/{a['AccessKeyId']}",
        "Inactive": f"twin/{b['AccessKeyId']}",
    }


def _collect_keys_plain() -> tuple[list[Any], list[Any]]:
    from wasp.collect.api import ApiReader
    from wasp.collect.iam import KEY_TYPE, IamCollector

    collector = IamCollector()
    api = ApiReader(ClientFactory(_session()), OWN, REGION, "iam", collector.resource_types, is_global=True)
    return [r for r in collector.collect(api) if r.type == KEY_TYPE], api.gaps
