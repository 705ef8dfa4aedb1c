"""`wasp scan`: CloudFormation through the same rules, with file, line and logical id; bad input is one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.cli.app import main
from wasp.iac.cloudformation import load_cloudformation
from wasp.iac.scan import scan
from wasp.model import Unresolved

FIXTURE = Path(__file__).parent / "fixtures" / "cfn" / "payments.yaml"


def _status(result, rule: str, address: str) -> str:  # type: ignore[no-untyped-def]
    return next(f.status.value for f in result.findings if f.rule == rule and f.resource.address == address)


def test_intrinsics_resolve_or_are_marked_unknown() -> None:
    res = {r.id: r for r in load_cloudformation(FIXTURE)}
    sg = res["WebSg"].properties["SecurityGroupIngress"]
    assert sg[0]["CidrIp"] == "0.0.0.0/0"  # Fn::If on the default Env=prod
    assert isinstance(sg[1]["CidrIp"], Unresolved)  # a parameter without a default or value
    assert res["Disk"].properties["Size"] == 100  # Fn::FindInMap
    assert res["ReceiptsPolicy"].properties["Bucket"] == "Receipts"  # Ref to a bucket with a computed name
    assert res["Receipts"].origin.line == 16 and res["Receipts"].origin.file == str(FIXTURE)
    assert "Trail" in res
    dev = {r.id for r in load_cloudformation(FIXTURE, {"Env": "dev"})}
    assert "Trail" not in dev  # the resource's condition is false


def test_same_rules_same_verdicts_with_locations() -> None:
    result = scan([FIXTURE])
    assert _status(result, "ec2_sg_no_world_ingress", "WebSg") == "fail"
    assert _status(result, "s3_bucket_acl_not_public", "Assets") == "fail"
    assert _status(result, "s3_bucket_public_access_block", "Receipts") == "pass"
    assert _status(result, "s3_bucket_secure_transport", "Receipts") == "pass"
    assert _status(result, "s3_bucket_secure_transport", "Assets") == "fail"
    assert _status(result, "ebs_volume_encrypted", "Disk") == "fail"
    assert _status(result, "kms_key_rotation_enabled", "DataKey") == "pass"
    assert _status(result, "cloudtrail_log_file_validation", "Trail") == "pass"
    assert (
        _status(result, "s3_bucket_cmk_for_sensitive", "Receipts") == "unknown"
    )  # key ARN known only after deploy
    assert not any(f.rule == "iam_access_key_unused" for f in result.findings)  # live-only rules stay out
    assert all(f.resource.file and f.resource.line for f in result.findings)


def test_an_unresolved_value_is_unknown_never_fail() -> None:
    sg_rdp = [f for f in scan([FIXTURE], {"Env": "dev"}).findings if f.rule == "ec2_sg_no_world_ingress"]
    assert [f.status.value for f in sg_rdp] == ["unknown"]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_output_formats(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(FIXTURE), "--format", fmt, "-o", str(out), "--fail-on", "high"])
    assert exc.value.code == 1  # a critical failure exists
    text = out.read_text()
    if fmt == "json":
        doc = json.loads(text)
        assert doc["files"] == [str(FIXTURE)] and {"id", "rule", "status", "resource"} <= set(
            doc["findings"][0]
        )
    elif fmt == "sarif":
        run = json.loads(text)["runs"][0]
        located = [r for r in run["results"] if "physicalLocation" in r["locations"][0]]
        assert located and located[0]["locations"][0]["physicalLocation"]["region"]["startLine"] > 0
    else:
        assert text.startswith("<?xml") and "<failure" in text


def test_bad_templates_are_reported_and_the_scan_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [unclosed\n")
    notype = tmp_path / "notype.yaml"
    notype.write_text("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X:\n    Properties: {}\n")
    good = tmp_path / "good.yaml"
    good.write_text(FIXTURE.read_text())
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(tmp_path), "--format", "json"])
    captured = capsys.readouterr()
    assert exc.value.code == 2
    assert "bad.yaml:" in captured.err and "notype.yaml:" in captured.err and "has no Type" in captured.err
    assert "Traceback" not in captured.err
    assert json.loads(captured.out)["files"] == [str(good)]


def test_missing_path_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["scan", "/no/such/path"])
    assert exc.value.code == 2 and "no such file or folder" in capsys.readouterr().err
