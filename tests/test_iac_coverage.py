"""The Checkov coverage table: in step with the rules, consistent, and rebuilt from Checkov's own list."""

from __future__ import annotations

import importlib.util
import json
import stat
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "checkov_coverage.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("checkov_coverage", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_document_is_in_step_with_the_rules() -> None:
    assert _script().main(["--check"]) == 0


def test_no_rule_claims_an_unknown_check_and_no_check_is_both_covered_and_set_aside() -> None:
    cov = _script()
    _, checks, reasons = cov.load()
    assert cov.problems(checks, reasons, cov.claims()) == []


def test_a_check_claimed_and_set_aside_is_reported() -> None:
    cov = _script()
    _, checks, _ = cov.load()
    claimed = {"CKV_AWS_28": [("dynamodb_point_in_time_recovery", ("SEC08-BP04",))], "CKV_AWS_0": [("x", ())]}
    found = cov.problems(checks, {"CKV_AWS_28": "reason"}, claimed)
    assert any("CKV_AWS_28: both covered" in line for line in found)
    assert any("CKV_AWS_0: claimed by x but not a Checkov AWS check" in line for line in found)


def test_refresh_reads_checkovs_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "checkov"
    table = "\\n".join(
        [
            "|    | Id | Type | Entity | Policy | IaC | Resource Link |",
            "|  0 | CKV_AWS_18 | resource | AWS::S3::Bucket | Ensure the S3 bucket has access logging | Cloudformation | x |",
            "|  1 | CKV_AWS_18 | resource | aws_s3_bucket | Ensure the S3 bucket has access logging | Terraform | x |",
            "|  2 | CKV_AZURE_1 | resource | azurerm_vm | Not AWS | Terraform | x |",
            "|  3 | CKV2_AWS_6 | resource | aws_s3_bucket | Public access block | Terraform | x |",
        ]
    )
    fake.write_text(f'#!/bin/sh\nif [ "$1" = --version ]; then echo 9.9.9; else printf "{table}\\n"; fi\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    cov = _script()
    monkeypatch.setattr(cov, "CHECKS", tmp_path / "aws-checks.json")
    cov.refresh(str(fake))
    data = json.loads((tmp_path / "aws-checks.json").read_text())
    assert data["checkov"] == "9.9.9"
    assert [c["id"] for c in data["checks"]] == ["CKV_AWS_18", "CKV2_AWS_6"]
    assert data["checks"][0]["cloudformation"] == ["AWS::S3::Bucket"]
    assert data["checks"][0]["terraform"] == ["aws_s3_bucket"]


def test_a_check_contrary_to_guidance_is_set_aside_with_its_source() -> None:
    cov = _script()
    version, checks, reasons = cov.load()
    contrary = cov.load_contrary()
    assert "CKV_AWS_9" in contrary and "NIST SP 800-63B" in contrary["CKV_AWS_9"]
    text = cov.render(version, checks, reasons, {}, contrary)
    row = next(line for line in text.splitlines() if line.startswith("| CKV_AWS_9 |"))
    assert "set aside: contrary to current guidance" in row and "NCSC" in row
    security = len(checks) - len(reasons) - len(contrary)
    assert f"| security-pillar | {security} |" in text  # kept out of the denominator


def test_a_check_both_claimed_and_contrary_to_guidance_is_reported() -> None:
    cov = _script()
    _, checks, reasons = cov.load()
    claimed = {"CKV_AWS_9": [("iam_password_policy_declared", ("SEC02-BP01",))]}
    found = cov.problems(checks, reasons, claimed, {"CKV_AWS_9": "reason", "CKV_AWS_50": "reason"})
    assert any("CKV_AWS_9: both covered" in line for line in found)
    assert any("CKV_AWS_50: both not security and contrary" in line for line in found)
