"""The command line end to end: demo, review against a moto server, catalogue, and bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import boto3
import jsonschema
import pytest

from wasp.cli.app import main
from wasp.collect.actions import READ_ONLY_PREFIXES, iam_action
from wasp.collect.registry import COLLECTORS
from wasp.schemas import schema


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run `wasp ARGS`; return (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out, captured.err


@pytest.fixture
def demo_review(demo_result: object, tmp_path: Path) -> tuple[Path, dict, object]:
    """The session's demo run, written to review.json."""
    from wasp.report import write_review

    path = write_review(demo_result.run.review, tmp_path / "review.json")  # type: ignore[attr-defined]
    return path, json.loads(path.read_text()), demo_result


def test_demo_command_prints_summary_and_writes_valid_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["demo", "--out", str(tmp_path / "d")], capsys)
    assert code == 0, err
    assert "SEC01" in out and "Improvement plan" in out and "high-risk" in out
    assert "from the account's security services: AWS Config 5" in out
    review = json.loads((tmp_path / "d" / "review.json").read_text())
    jsonschema.validate(review, schema("review"))
    assert (tmp_path / "d" / "attestations.yaml").exists()


def test_demo_review_has_findings_decisions_and_plan(demo_review: tuple[Path, dict, object]) -> None:
    _, review, _ = demo_review
    s = review["summary"]
    assert s["findings"]["fail"] > 10 and s["findings"]["pass"] > 10
    assert s["high_risk_questions"] >= 5
    assert s["contradicted_attestations"] >= 1 and s["expired_attestations"] == 1
    # only what the emulator cannot do is a gap
    assert {g["error"] for g in review["gaps"]} == {"not_implemented"}
    bps = {bp["id"]: bp for q in review["questions"] for bp in q["best_practices"]}
    assert bps["SEC02-BP04"]["contradicted"] is True  # attested yes, but alice has a console password
    # its attestation expired, and GuardDuty findings left open for weeks fail it anyway
    assert bps["SEC10-BP02"]["status"] == "not_met" and bps["SEC10-BP02"]["attestation"]["answer"]
    assert bps["SEC11-BP05"]["status"] == "not_applicable"
    assert bps["SEC10-BP07"]["status"] == "not_met"
    assert bps["SEC08-BP01"]["status"] == "not_met"  # legacy key without rotation
    plan = review["improvement_plan"]
    first_medium = next(i for i, p in enumerate(plan) if p["risk"] != "high")
    assert all(p["risk"] == "high" for p in plan[:first_medium])
    assert all(p["risk"] != "high" for p in plan[first_medium:])
    per_question = {
        q["id"]: [i for bp in q["best_practices"] for i in bp["findings"]] for q in review["questions"]
    }
    assert all(per_question.values()), "every question has findings"
    rules_failing = {f["rule"] for f in review["findings"] if f["status"] == "fail"}
    assert {
        "ec2_sg_no_world_ingress",
        "iam_role_no_admin",
        "iam_user_no_admin",
        "iam_access_key_rotated",
        "s3_bucket_public_access_block",
        "ebs_volume_encrypted",
        "kms_key_rotation_enabled",
        "root_mfa_enabled",
        "ec2_imdsv2_required",
    } <= rules_failing
    # the ALB's 443 and the break-glass role are not false positives
    sg_msgs = [f["message"] for f in review["findings"] if f["rule"] == "ec2_sg_no_world_ingress"]
    assert any("payments-alb" not in m and "only web port 443" in m for m in sg_msgs)
    roles = {f["resource"]["id"]: f["status"] for f in review["findings"] if f["rule"] == "iam_role_no_admin"}
    assert roles["BreakGlassRole"] == "pass" and roles["ops-admin"] == "fail"


def test_demo_never_writes_secrets(demo_review: tuple[Path, dict, object]) -> None:
    path, _, _ = demo_review
    text = path.read_text()
    assert "Demo-Only-Not-A-Secret" not in text


def test_collectors_only_read(demo_review: tuple[Path, dict, object]) -> None:
    """Every operation the collectors called is a read, and each is declared for `wasp permissions`."""
    _, _, result = demo_review
    calls = result.run.stats.calls_by_operation  # type: ignore[attr-defined]
    assert calls, "no calls recorded"
    declared = {p for c in COLLECTORS for p in c.permissions} | {"sts:GetCallerIdentity"}
    for op in calls:
        _service, action = op.split(":")
        assert action.startswith(READ_ONLY_PREFIXES), f"{op} is not a read"
    for c in COLLECTORS:
        for perm in c.permissions:
            assert perm.split(":")[1].startswith(READ_ONLY_PREFIXES), perm
    called = {iam_action(op.split(":")[0], _snake(op.split(":")[1])) for op in calls}
    assert called <= declared, called - declared


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def test_permissions_prints_a_read_only_policy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["permissions"], capsys)
    policy = json.loads(out)
    actions = policy["Statement"][0]["Action"]
    assert code == 0 and "s3:ListAllMyBuckets" in actions and "iam:GetAccountAuthorizationDetails" in actions
    assert all(a.split(":")[1].startswith(READ_ONLY_PREFIXES) for a in actions)


def test_catalogue_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["catalogue", "--format", "json"], capsys)
    doc = json.loads(out)
    bps = [bp for q in doc["questions"] for bp in q["best_practices"]]
    assert code == 0 and len(doc["questions"]) == 11 and len(bps) == 63
    assert sorted({bp["risk"] for bp in bps}) == ["high", "low", "medium"]


def test_catalogue_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["catalogue"], capsys)
    assert code == 0 and "SEC11-BP08" in out and "30 high, 28 medium, 5 low" in out


def test_init_and_attest_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wl = tmp_path / "wasp.yaml"
    assert run(["init", str(wl), "--name", "payments", "--regions", "eu-west-2,eu-west-1"], capsys)[0] == 0
    assert "name: payments" in wl.read_text()
    code, _, err = run(["init", str(wl)], capsys)
    assert code == 2 and "already exists" in err
    att = tmp_path / "attestations.yaml"
    assert run(["attest", "template", "-o", str(att)], capsys)[0] == 0
    assert "SEC10-BP07" in att.read_text()


@pytest.mark.parametrize(
    ("args", "files", "message"),
    [
        (["review", "missing.yaml"], {}, "missing.yaml: workload file not found"),
        (["review", "w.yaml"], {"w.yaml": "name: [unclosed\n"}, "w.yaml:2: workload file is not valid YAML"),
        (
            ["review", "w.yaml"],
            {
                "w.yaml": "name: x\nregions: [eu-west-2]\nattestations: a.yaml\n",
                "a.yaml": "attestations:\n  SEC99-BP01:\n    answer: no\n    owner: a\n    date: 2026-01-01\n",
            },
            "a.yaml:2: attestation file",
        ),
        (
            ["review", "--regions", "eu-west-2", "--collectors", "nosuch"],
            {},
            "--collectors: unknown collector 'nosuch'",
        ),
        (["review"], {}, "no regions in scope"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    files: dict[str, str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing may reach AWS
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    code, _, err = run(args, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_no_credentials(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(var)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.delenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", raising=False)
    monkeypatch.delenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", raising=False)
    code, _, err = run(["review", "--regions", "eu-west-2"], capsys)
    assert code == 2 and "no AWS credentials found" in err and "Traceback" not in err


def test_unreachable_endpoint(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    code, _, err = run(["review", "--regions", "eu-west-2"], capsys)
    assert code == 2 and "cannot reach the AWS endpoint" in err


def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp.errors import InputError

    with pytest.raises(InputError):
        main(["--debug", "review", "missing.yaml"])


@pytest.fixture
def moto_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    monkeypatch.setenv("AWS_ENDPOINT_URL", url)
    yield url
    server.stop()


def test_review_against_a_moto_server_with_fail_on(
    moto_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ec2 = boto3.client("ec2", region_name="eu-west-2")
    sg = ec2.create_security_group(GroupName="open", Description="open")["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 3389, "ToPort": 3389, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
        ],
    )
    boto3.client("s3", region_name="eu-west-2").create_bucket(
        Bucket="srv-bucket", CreateBucketConfiguration={"LocationConstraint": "eu-west-2"}
    )
    out = tmp_path / "out"
    code, _stdout, err = run(
        ["review", "--name", "srv", "--regions", "eu-west-2", "--out", str(out), "--fail-on", "high"], capsys
    )
    assert code == 1, err  # high-risk questions exist
    review = json.loads((out / "review.json").read_text())
    jsonschema.validate(review, schema("review"))
    failing = {(f["rule"], f["resource"]["id"]) for f in review["findings"] if f["status"] == "fail"}
    assert ("ec2_sg_no_world_ingress", sg) in failing
    assert ("s3_bucket_public_access_block", "srv-bucket") in failing
    assert "API calls" in err and review["workload"] == "srv"


def test_s3_control_account_block_through_a_moto_server(
    moto_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """botocore would prefix the account id to a custom endpoint's host; wasp must still reach S3 Control."""
    from wasp.collect.endpoints import fix_s3control

    setup = boto3.client("s3control", region_name="eu-west-2")
    fix_s3control(setup)
    setup.put_public_access_block(
        AccountId="123456789012",
        PublicAccessBlockConfiguration=dict.fromkeys(
            ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
        ),
    )
    code, _, err = run(
        ["review", "--name", "s3c", "--regions", "eu-west-2", "--collectors", "s3", "--out", str(tmp_path)],
        capsys,
    )
    assert code == 0, err
    review = json.loads((tmp_path / "review.json").read_text())
    assert not [g for g in review["gaps"] if g["service"] == "s3control"]
    [finding] = [f for f in review["findings"] if f["rule"] == "s3_account_public_access_block"]
    assert finding["status"] == "pass"


def test_scope_tags_limit_resources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], moto_server: str
) -> None:
    s3 = boto3.client("s3", region_name="eu-west-2")
    for name, tag in (("in-scope-b", "payments"), ("other-b", "billing")):
        s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "workload", "Value": tag}]})
    wl = tmp_path / "wasp.yaml"
    wl.write_text("name: p\nregions: [eu-west-2]\nscope_tags: {workload: payments}\n")
    code, _, err = run(["review", str(wl), "--collectors", "s3", "--out", str(tmp_path / "o")], capsys)
    review = json.loads((tmp_path / "o" / "review.json").read_text())
    buckets = {f["resource"]["id"] for f in review["findings"] if f["resource"]["type"] == "AWS::S3::Bucket"}
    assert code == 0 and buckets == {"in-scope-b"}, err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["guardrails", "scp", "--bogus"], "No such option"),
        (["review", "--workers", "0"], "Invalid value"),
        (["nosuchcmd"], "No such command"),
    ],
)
def test_usage_errors_are_a_message_not_a_traceback(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and message in err and "Traceback" not in err
