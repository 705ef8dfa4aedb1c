"""Organisation reviews on moto: discovery, selection, assuming the role (denied = a gap), org evidence once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from wasp.cli.app import main
from wasp.errors import InputError
from wasp.model import Workload
from wasp.model.org import OrgScope, RoleAssumption
from wasp.org import access
from wasp.org.emulate import SeededOrg, seed_org
from wasp.workflow import collect_live, review_live

REGION = "us-east-1"
ROLE = "WaspReadOnly"
COLLECTORS = ["organizations", "s3"]
NOW = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def org() -> Iterator[SeededOrg]:
    """Management account + 3 members (prod, dev, prod/payments), each with a bucket; SCP on prod."""
    from moto import mock_aws

    with pytest.MonkeyPatch.context() as mp:
        for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
            mp.setenv(var, "testing")
        mp.delenv("AWS_ENDPOINT_URL", raising=False)
        with mock_aws():
            yield seed_org(boto3.session.Session(region_name=REGION), 3, REGION, ROLE, network=False)


@pytest.fixture(autouse=True)
def _fresh_credentials() -> Iterator[None]:
    access.forget_credentials()
    yield
    access.forget_credentials()


def workload(**kw: Any) -> Workload:
    return Workload(name="org", regions=(REGION,), role_name=ROLE, org=True, **kw)


def deny_assume(monkeypatch: pytest.MonkeyPatch, denied: set[str], seen: list[dict[str, Any]]) -> None:
    """Base sessions record every AssumeRole call and refuse it for the ``denied`` accounts."""
    real = access.base_session

    def refuse(params: dict[str, Any], **_: Any) -> None:
        seen.append(dict(params))
        if params["RoleArn"].split(":")[4] in denied:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "not trusted"}}, "AssumeRole")

    def patched(profile: str | None, region: str) -> boto3.session.Session:
        session = real(profile, region)
        session.events.register("before-parameter-build.sts.AssumeRole", refuse)
        return session

    monkeypatch.setattr(access, "base_session", patched)


def test_every_active_account_is_reviewed_and_org_evidence_is_read_once(org: SeededOrg) -> None:
    inventory, stats, accounts = collect_live(workload(), collectors=COLLECTORS)
    assert accounts == tuple(sorted((org.management, *org.members)))
    assert stats.accounts_selected == stats.accounts_reviewed == 4 and not stats.unopened
    assert stats.calls_by_operation["organizations:DescribeOrganization"] == 1
    buckets = {r.account for r in inventory.of_type("AWS::S3::Bucket")}
    assert buckets == set(org.members)
    assert not [g for g in inventory.gaps if g.service == "organizations"], "no member-account org gaps"
    services = inventory.of_type("WASP::Organizations::ServiceConfiguration")
    assert {(r.account, r.properties["Service"]) for r in services} == {
        (org.management, s) for s in ("guardduty", "securityhub", "inspector2", "config", "cloudtrail")
    }, "the security services' organisation configuration is read once, from the management account"
    placed = {r.id: r.properties for r in inventory.of_type("AWS::Organizations::Account")}
    assert set(placed) == {org.management, *org.members}


def test_selectors_choose_accounts_by_ou_path_and_tag(org: SeededOrg) -> None:
    _, _, prod = collect_live(workload(org_scope=OrgScope(include_ous=("Root/prod",))), collectors=["s3"])
    _, _, dev = collect_live(
        workload(org_scope=OrgScope(account_tags=(("environment", "development"),))), collectors=["s3"]
    )
    _, _, rest = collect_live(
        workload(org_scope=OrgScope(exclude_ous=("prod",), exclude_accounts=(org.management,))),
        collectors=["s3"],
    )
    assert len(prod) == 2 and set(prod) <= set(org.members)
    assert len(dev) == 1 and dev == rest
    assert not set(prod) & set(dev)


def test_a_denied_assume_is_a_gap_for_that_account_never_an_abort_or_a_pass(
    org: SeededOrg, monkeypatch: pytest.MonkeyPatch
) -> None:
    denied = org.members[0]
    deny_assume(monkeypatch, {denied}, [])
    run = review_live(workload(), collectors=COLLECTORS, now=NOW)
    assert run.stats.accounts_selected == 4 and run.stats.accounts_reviewed == 3
    assert run.stats.unopened == (f"cannot assume {ROLE} in {denied}: AccessDenied",)
    gaps = [g for g in run.review.gaps if g.account == denied]
    assert len(gaps) == 1 and gaps[0].error == "access_denied" and gaps[0].blocks_service
    assert "AWS::S3::Bucket" in gaps[0].resource_types
    assert gaps[0].message.startswith(f"cannot assume {ROLE} in {denied}: AccessDenied")
    assert denied not in run.review.scope["accounts"]  # type: ignore[operator]
    assert not [f for f in run.review.findings if f.resource.account == denied]


def test_the_role_is_assumed_with_session_name_external_id_duration_and_from_the_hub(
    org: SeededOrg, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[dict[str, Any]] = []
    deny_assume(monkeypatch, set(), seen)
    hub = f"arn:aws:iam::{org.management}:role/WaspHub"
    assume = RoleAssumption(external_id="ext-123", duration_seconds=1800, hub_role_arn=hub)
    _, stats, _ = collect_live(workload(assume=assume), collectors=["s3"])
    assert stats.accounts_reviewed == 4
    # the base credentials assume only the hub role (once): members are assumed from the hub's session
    assert [p["RoleArn"] for p in seen] == [hub]
    assert seen[0]["RoleSessionName"] == "wasp-review" and seen[0]["DurationSeconds"] == 1800


def test_member_assume_carries_the_external_id(org: SeededOrg, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []
    deny_assume(monkeypatch, set(), seen)
    collect_live(workload(assume=RoleAssumption(external_id="ext-123")), collectors=["s3"])
    members = {p["RoleArn"].split(":")[4]: p for p in seen}
    assert set(members) == set(org.members), "the caller's own account is read with its own credentials"
    assert all(
        p["ExternalId"] == "ext-123" and p["RoleSessionName"] == "wasp-review" for p in members.values()
    )
    assert all(p["RoleArn"].endswith(f":role/{ROLE}") for p in members.values())


def test_org_review_refuses_listed_accounts_and_a_missing_role(org: SeededOrg) -> None:
    with pytest.raises(InputError, match="leave accounts empty"):
        collect_live(workload(accounts=(org.members[0],)), collectors=["s3"])
    with pytest.raises(InputError, match="role_name"):
        collect_live(Workload(name="x", regions=(REGION,), org=True), collectors=["s3"])
    with pytest.raises(InputError, match="no ACTIVE account"):
        collect_live(workload(org_scope=OrgScope(include_ous=("nowhere",))), collectors=["s3"])


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run `wasp ARGS`; (exit code, stdout + stderr)."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out + captured.err


def test_cli_org_review_says_how_many_accounts_were_reviewed(
    org: SeededOrg, monkeypatch: pytest.MonkeyPatch, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    deny_assume(monkeypatch, {org.members[1]}, [])
    args = [
        "review",
        "--org",
        "--role-name",
        ROLE,
        "--regions",
        REGION,
        "--collectors",
        "s3",
        "-o",
        str(tmp_path),
    ]
    code, output = run(args, capsys)
    assert code == 0, output
    assert "reviewed 3 of 4 selected accounts; 1 could not be opened" in " ".join(output.split())
    assert f"cannot assume {ROLE} in {org.members[1]}: AccessDenied" in output
    assert "wasp: accounts opened 4/4" in output and "1 accounts not opened" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--include-ou", "prod"], "add --org"),
        (["--org", "--account-tag", "novalue"], "KEY=VALUE"),
        (["--org", "--exclude-account", "12"], "not an AWS account id"),
        (["--executor", "dask-local", "--scheduler", "tcp://127.0.0.1:8786"], "drop --scheduler"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "with --executor dask"),
    ],
)
def test_cli_bad_org_flags_are_one_line_and_exit_2(
    args: list[str], message: str, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run(["review", "--regions", REGION, "-o", str(tmp_path), *args], capsys)
    assert code == 2, output
    assert message in " ".join(output.split()) and "Traceback" not in output


def test_cli_collect_org_saves_every_reviewed_account_in_the_snapshot(
    org: SeededOrg, tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from wasp.snapshot import load_snapshot

    snap = tmp_path / "org.json.gz"
    args = [
        "collect",
        "--org",
        "--role-name",
        ROLE,
        "--regions",
        REGION,
        "--collectors",
        "s3",
        "-o",
        str(snap),
    ]
    code, output = run(args, capsys)
    assert code == 0, output
    assert "reviewed 4 of 4 selected accounts" in output
    saved = load_snapshot(snap)
    assert saved.accounts == tuple(sorted((org.management, *org.members)))
    assert {r.account for r in saved.inventory.of_type("AWS::S3::Bucket")} == set(org.members)
