"""Mistakes the user types are caught before any work starts: one line naming the value, exit code 2.

Every AWS endpoint here is 127.0.0.1:9 (nothing listens): a check that ran after collection started would fail
with "cannot reach the AWS endpoint" instead of the message asserted.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wasp.cli.app import main
from wasp.errors import InputError
from wasp.regions import check_regions, known_regions

WAIVERS = """waivers:
  - id: W1
    rule: s3_bucket_public_access_block
    owner: a
    reason: accepted for the demo bucket
    expires: 2030-01-01
  - id: W2
    rule: s3_bucket_public_acess_block
    owner: a
    reason: accepted for the demo bucket
    expires: 2030-01-01
"""
"""W2's rule is misspelt: it would waive nothing, silently."""


def one_line_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run `wasp ARGS`; assert exit code 2 and a single error line; return it."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    err = capsys.readouterr().err
    assert exc.value.code == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    return err


@pytest.fixture(autouse=True)
def _nowhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")


def test_known_regions_come_from_botocore() -> None:
    regions = known_regions()
    assert {"eu-west-2", "us-east-1", "cn-north-1", "us-gov-west-1"} <= regions
    assert not any(r.endswith("-global") for r in regions)  # aws-global is not a region to run in
    assert check_regions(["eu-west-2", "us-east-1"], "x") == ("eu-west-2", "us-east-1")
    with pytest.raises(
        InputError, match=r"^--regions: unknown AWS region 'eu-west-22'; did you mean eu-west-2"
    ):
        check_regions(["eu-west-2", "eu-west-22"], "--regions")


@pytest.mark.parametrize(
    "args",
    [
        ["review", "--regions", "eu-west-2,eu-wset-1"],
        ["collect", "--regions", "eu-wset-1"],
        ["init", "w.yaml", "--regions", "eu-wset-1"],
        ["guardrails", "scp", "--regions", "eu-wset-1"],
    ],
)
def test_unknown_region_on_the_command_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(args, capsys)
    assert "--regions: unknown AWS region 'eu-wset-1'; did you mean eu-west-1" in err
    assert not Path("w.yaml").exists() and not Path("wasp-scps").exists()  # refused before writing anything


def test_unknown_region_in_a_workload_file(capsys: pytest.CaptureFixture[str]) -> None:
    Path("w.yaml").write_text("name: x\nregions:\n  - eu-west-2\n  - us-est-1\n")
    err = one_line_error(["review", "w.yaml"], capsys)
    assert (
        "w.yaml:4: workload file: unknown AWS region 'us-est-1'; did you mean" in err and "us-east-1" in err
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["init", "w.yaml", "--accounts", "123456789012,12345"],
            "--accounts: '12345' is not an AWS account id",
        ),
        (
            ["init", "w.yaml", "--accounts", "12345678901a"],
            "--accounts: '12345678901a' is not an AWS account id",
        ),
        (
            ["review", "--regions", "eu-west-2", "--accounts", "1234567890123"],
            "'1234567890123' is not an AWS",
        ),
    ],
)
def test_malformed_account_ids(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert message in one_line_error(args, capsys)
    assert not Path("w.yaml").exists()


def test_account_ids_keep_leading_zeros(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["init", "w.yaml", "--accounts", "012345678901"])
    assert exc.value.code == 0 and '"012345678901"' in Path("w.yaml").read_text()


def test_unknown_rule_in_fix_rule(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(["fix", "plan", "review.json", "--rule", "ebs_volume_encryptd"], capsys)
    assert "--rule: unknown rule 'ebs_volume_encryptd'; did you mean ebs_volume_encrypted" in err


def test_unknown_rule_in_a_waiver_file(capsys: pytest.CaptureFixture[str]) -> None:
    Path("waivers.yaml").write_text(WAIVERS)
    err = one_line_error(["waiver", "import", "waivers.yaml", "--db", "w.db"], capsys)
    assert "waivers.yaml:7: waiver W2: unknown rule 's3_bucket_public_acess_block'" in err
    assert "did you mean s3_bucket_public_access_block" in err
    assert not Path("w.db").exists()  # nothing stored: the file is refused as a whole
    err = one_line_error(["review", "--regions", "eu-west-2", "--waivers", "waivers.yaml"], capsys)
    assert "waiver W2: unknown rule" in err


def test_a_waiver_glob_must_match_a_rule(capsys: pytest.CaptureFixture[str]) -> None:
    Path("waivers.yaml").write_text(WAIVERS.replace("s3_bucket_public_acess_block", "s3_*"))
    with pytest.raises(SystemExit) as exc:
        main(["waiver", "import", "waivers.yaml", "--db", "w.db"])
    assert exc.value.code == 0 and "W2: created" in capsys.readouterr().err
    Path("waivers.yaml").write_text(WAIVERS.replace("s3_bucket_public_acess_block", "s4_*"))
    assert "unknown rule 's4_*'" in one_line_error(
        ["waiver", "import", "waivers.yaml", "--db", "w.db"], capsys
    )


def test_unknown_framework(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["compliance", "review.json", "--framework", "nist"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "'nist' is not one of" in err and "'cyber-essentials'" in err


def test_the_framework_choices_are_the_frameworks_wasp_has() -> None:
    from wasp.catalogue.frameworks import load_frameworks
    from wasp.cli.compliance_cmd import FRAMEWORKS

    assert sorted(FRAMEWORKS) == sorted(load_frameworks())


def test_collectors_with_a_snapshot(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(["review", "--snapshot", "s.json.gz", "--collectors", "s3"], capsys)
    assert "--collectors" in err and "--snapshot" in err


@pytest.mark.parametrize("command", [["permissions"], ["collect", "--regions", "eu-west-2"]])
def test_unknown_collector(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error([*command, "--collectors", "s3,ec22"], capsys)
    assert "--collectors: unknown collector 'ec22'; did you mean ec2" in err


def test_unknown_best_practice(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(["rules", "--practice", "SEC03-BP99"], capsys)
    assert "--practice: unknown best practice 'SEC03-BP99'" in err


def test_unknown_report_format_before_the_review_runs(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(["review", "--regions", "eu-west-2", "--formats", "html,htm"], capsys)
    assert "unknown report format 'htm'" in err


@pytest.mark.parametrize(
    "args",
    [
        ["nosuch\x1b[2J\x1b]0;pwn\x07cmd"],
        ["scan", ".", "-f", "json\x1b[31m"],
        ["review", "--bogus\x9b31m"],
        ["compliance", "r.json", "-F", "ncsc\u202egnp"],
        ["schema", "review", "\x1b[2J\x9b31mextra"],  # click prints extra arguments as they are
    ],
)
def test_usage_errors_do_not_echo_control_characters(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "Error:" in err and "Traceback" not in err
    assert not any(c in err for c in "\x1b\x07\x9b\u202e"), repr(err)


@pytest.mark.parametrize("args", [[], ["fix"], ["waiver"]])
def test_a_group_alone_prints_its_help(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "\nCommands:\n" in err and "\\n" not in err
