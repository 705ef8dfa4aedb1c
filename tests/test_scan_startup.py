"""A plain `wasp scan` of a Terraform folder imports only what it needs: no AWS SDK, report stack, templating,
YAML or CloudFormation reader, and not the review engine or its model (bench/cli_startup.py and
bench/iac_vs_checkov.py print the time; this holds the gain). Each scan runs in a fresh interpreter, and the
modules it imported are read from ``sys.modules`` when it ends."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

NOT_FOR_TERRAFORM = (
    "boto3",
    "botocore",
    "rich",
    "jinja2",
    "sqlalchemy",
    "pydantic",
    "msgspec",
    "yaml",
    "tempfile",
    "wasp.yamlguard",
    "wasp.iac.cloudformation",
    "wasp.iac.decode",
    "wasp.iac.sam",
    "wasp.iac.checkov_skips",
    "wasp.engine.review",
    "wasp.model.review",
    "wasp.model.catalogue",
    "wasp.model.workload",
    "wasp.collect",
    "wasp.store",
    "wasp.serve",
)
"""Modules (and their submodules) a JSON or SARIF scan of Terraform without skips never needs."""

PROBE = """
import atexit, json, sys, traceback
first = {{}}
class Watch:
    def find_spec(self, name, path=None, target=None):
        if name not in first:
            first[name] = "".join(traceback.format_stack(limit=10)[:-1])
        return None
sys.meta_path.insert(0, Watch())
def report():
    sys.__stdout__.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
    sys.__stdout__.write("\\nFIRST " + json.dumps(first) + "\\n")
atexit.register(report)
from wasp.cli.app import main
main({args!r})
"""

TF = """\
variable "name" {
  default = "logs"
}

resource "aws_s3_bucket" "logs" {
  bucket = var.name
}

resource "aws_security_group" "ssh" {
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-2a"
  size              = 8
}
"""


def _imported(args: list[str], home: Path) -> tuple[int, set[str]]:
    """Exit code and the modules imported by `wasp ARGS` in a fresh interpreter (on failure, the test's message
    says where each top-level package was first imported, and what the command wrote to stderr)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=args)],
        capture_output=True,
        text=True,
        check=False,
        # COLUMNS: a line longer than the width (a long temporary path) is wrapped by rich, as it should be
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(home), "COLUMNS": "1000"},
    )
    line = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("MODULES "))
    first = next(x for x in reversed(done.stdout.splitlines()) if x.startswith("FIRST "))
    _WHY.clear()
    _WHY.update(json.loads(first.removeprefix("FIRST ")))
    _WHY["(stderr)"] = done.stderr[-2000:]
    return done.returncode, set(json.loads(line.removeprefix("MODULES ")))


_WHY: dict[str, str] = {}
"""Where the last probe first imported each top-level package, and its stderr."""


def _why(heavy: list[str]) -> str:
    tops = [m for m in heavy if not any(m.startswith(h + ".") for h in heavy)]  # the first of each family
    return "\n".join(f"{m} imported at:\n{_WHY.get(m, '?')}" for m in tops) + _WHY.get("(stderr)", "")


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in NOT_FOR_TERRAFORM))


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_terraform_scan_imports_nothing_it_does_not_need(tmp_path: Path, fmt: str) -> None:
    module = tmp_path / "module"
    module.mkdir()
    (module / "main.tf").write_text(TF, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    args = ["scan", str(module), "-f", fmt, "-o", str(out), "--fail-on", "high"]
    code, modules = _imported(args, tmp_path / "home")
    assert code == 1  # the planted misconfigurations fail: the scan really ran its rules
    assert out.stat().st_size > 0
    assert "wasp.iac.terraform.hcl" in modules and "tree_sitter_hcl" in modules  # the probe sees imports
    assert _heavy(modules) == [], _why(_heavy(modules))


def test_the_probe_sees_what_a_cloudformation_scan_needs(tmp_path: Path) -> None:
    """The same probe on a CloudFormation template does see YAML and the template reader (the test above can
    fail), and the Terraform reader is not imported for it."""
    template = tmp_path / "stack.yaml"
    template.write_text(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n",
        encoding="utf-8",
    )
    code, modules = _imported(
        ["scan", str(template), "-f", "json", "-o", str(tmp_path / "out.json"), "--fail-on", "high"],
        tmp_path / "home",
    )
    assert code == 1
    assert {"yaml", "wasp.iac.cloudformation"} <= modules
    assert "wasp.iac.terraform.hcl" not in modules
