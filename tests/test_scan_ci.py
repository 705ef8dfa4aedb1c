"""`wasp scan` in CI: non-templates never break a pipeline, macros are unknown, the Checkov-style flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.cli.app import main
from wasp.scan_workflow import scan

NOT_TEMPLATES = Path(__file__).parent / "fixtures" / "iac" / "not_templates"
FIXTURE = Path(__file__).parent / "fixtures" / "cfn" / "payments.yaml"
KINDS = {
    "serverless.yml": "Serverless Framework",
    "stepfunctions/order-workflow.json": "Step Functions",
    "stepfunctions/fulfil.asl.yaml": "Step Functions",
    "k8s/deployment.yaml": "Kubernetes",
    "helm/orders/Chart.yaml": "Helm chart",
    "helm/orders/values.yaml": "Helm chart values",
    "helm/orders/templates/deployment.yaml": "Helm chart template",
    "package.json": "npm package",
    "docker-compose.yml": "Docker Compose",
    ".github/workflows/deploy.yml": "GitHub Actions workflow",
    "resources.json": "without AWSTemplateFormatVersion",
}


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_a_folder_scan_reads_only_the_template_and_lists_the_rest() -> None:
    result = scan([NOT_TEMPLATES])
    assert result.files == [str(NOT_TEMPLATES / "template.yaml")]
    assert result.errors == [] and result.notes == []
    for name, kind in KINDS.items():
        line = next(s for s in result.skipped if s.startswith(f"{NOT_TEMPLATES / name}: skipped: "))
        assert kind in line and line.endswith("not a CloudFormation template"), line


def test_verbose_lists_the_skipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _cli(["scan", str(NOT_TEMPLATES), "-f", "json"], capsys)
    assert code == 0 and "skipped" not in err
    code, out, err = _cli(["scan", str(NOT_TEMPLATES), "-f", "json", "--verbose"], capsys)
    assert code == 0 and json.loads(out)["files"] == [str(NOT_TEMPLATES / "template.yaml")]
    assert f"wasp: {NOT_TEMPLATES / 'serverless.yml'}: skipped: a Serverless Framework file" in err
    assert len([line for line in err.splitlines() if ": skipped: " in line]) == len(KINDS)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_named_non_template_is_a_note_and_exit_0(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = NOT_TEMPLATES / name
    code, _, err = _cli(["scan", str(path), "-f", "json", "--fail-on", "low"], capsys)
    assert code == 0, err
    assert f"wasp: note: {path}: not scanned: " in err and "Traceback" not in err
    assert "nothing to scan" in err


def test_named_non_templates_beside_a_template(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _cli(
        ["scan", str(NOT_TEMPLATES / "serverless.yml"), str(FIXTURE), "-f", "json", "--fail-on", "high"],
        capsys,
    )
    assert code == 1 and json.loads(out)["files"] == [str(FIXTURE)]  # the template's failures still count
    assert "serverless.yml: not scanned" in err and "nothing to scan" not in err


def test_a_broken_serverless_file_is_still_skipped_but_a_broken_template_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sls = tmp_path / "serverless.yml"
    sls.write_text("service: x\nprovider:\n  name: aws\n  stage: [unclosed\n")
    code, _, err = _cli(["scan", str(sls)], capsys)
    assert code == 0 and "not scanned" in err
    broken = tmp_path / "stack.yaml"
    broken.write_text("Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [unclosed\n")
    code, _, err = _cli(["scan", str(broken)], capsys)
    assert code == 2 and f"{broken}:" in err and "not valid YAML" in err
    text = tmp_path / "README.md"
    text.write_text("# not IaC\n")
    code, _, err = _cli(["scan", str(text)], capsys)
    assert code == 0 and "not JSON, YAML or .tf" in err


def test_a_template_without_the_version_key_is_still_a_template(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text(
        "{Resources: {Disk: {Type: 'AWS::EC2::Volume', Properties: {Size: 8, Encrypted: false}}}}\n"
    )
    custom = tmp_path / "custom.json"
    custom.write_text('{"Resources": {"Hook": {"Type": "Custom::Thing", "Properties": {}}}}')
    result = scan([tmp_path])
    assert result.files == [str(custom), str(flow)] and result.skipped == []
    assert any(f.rule == "ebs_volume_encrypted" and f.status.value == "fail" for f in result.findings)
