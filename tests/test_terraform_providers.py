"""``provider "aws"`` blocks: credentials written in them fail, and their values never leave the reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.cli.app import main
from wasp.iac.scan import ScanOptions, Source, SourceKind, read_source

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
KEY_ID = "AKIAIOSFODNN7EXAMPLE"


def _providers(tmp_path: Path, text: str) -> dict[str, dict[str, object]]:
    (tmp_path / "main.tf").write_text(text, encoding="utf-8")
    loaded = read_source(Source(SourceKind.TERRAFORM, tmp_path), ScanOptions())
    assert loaded.errors == []
    return {r.id: r.properties for r in loaded.resources if r.type == "WASP::Terraform::AwsProvider"}


def test_written_keys_are_kept_as_a_marker_never_as_their_value(tmp_path: Path) -> None:
    found = _providers(
        tmp_path,
        f'variable "secret" {{\n  default = "{SECRET}"\n}}\n'
        f'provider "aws" {{\n  alias = "old"\n  access_key = "{KEY_ID}"\n  secret_key = var.secret\n}}\n',
    )
    assert found == {"provider.aws.old": {"AccessKey": "(literal)", "SecretKey": "(literal)", "Alias": "old"}}
    assert SECRET not in json.dumps(found) and KEY_ID not in json.dumps(found)


def test_keys_given_at_apply_are_not_written(tmp_path: Path) -> None:
    found = _providers(
        tmp_path,
        'variable "key" {}\nvariable "secret" {}\n'
        'provider "aws" {\n  access_key = var.key\n  secret_key = var.secret\n}\n',
    )
    props = found["provider.aws"]
    assert props["AccessKey"] != "(literal)" and props["SecretKey"] != "(literal)"


def test_a_provider_without_credentials_is_not_read_as_a_resource(tmp_path: Path) -> None:
    found = _providers(
        tmp_path,
        'provider "aws" {\n  region = "eu-west-2"\n  assume_role {\n    role_arn = "arn:aws:iam::1:role/x"\n  }\n}\n'
        'provider "google" {\n  project = "p"\n}\n',
    )
    assert found == {}


def test_the_scan_report_never_shows_the_keys(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        f'provider "aws" {{\n  access_key = "{KEY_ID}"\n  secret_key = "{SECRET}"\n}}\n', encoding="utf-8"
    )
    out = tmp_path / "out.json"
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(tmp_path), "-f", "json", "-o", str(out)])
    text = out.read_text()
    assert exc.value.code in (0, 1) and "terraform_provider_no_static_keys" in text and '"fail"' in text
    assert SECRET not in text and KEY_ID not in text
