"""The shipped rule index (src/wasp/rules/_index.json) that lets `wasp scan` import only the rules it meets."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import wasp.scan_workflow
from wasp.report.document import finding_dict
from wasp.rules import load_rules
from wasp.rules._index import INDEX_FILE, LazyEvaluate, build_index, indexed_rules, render
from wasp.scan_workflow import ScanOptions, scan

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "iac" / "corpus"


def test_index_file_is_in_step_with_the_rule_modules() -> None:
    expected = render(build_index(load_rules()))
    assert INDEX_FILE.read_text(encoding="utf-8") == expected, (
        "src/wasp/rules/_index.json is out of step with the rule modules: run `python -m wasp.rules._index`"
    )


def test_indexed_rules_carry_the_modules_metadata_and_evaluate_lazily() -> None:
    eager = load_rules()
    lazy = indexed_rules()
    assert [r.id for r in lazy] == [r.id for r in eager]
    assert [r.meta for r in lazy] == [r.meta for r in eager]
    assert all(isinstance(r.evaluate, LazyEvaluate) for r in lazy)


def _findings(rules_of: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(wasp.scan_workflow, "indexed_rules", rules_of)
    result = scan([CORPUS], options=ScanOptions())
    assert not result.errors
    return sorted(
        json.dumps(finding_dict(replace(f, observed_at="")), sort_keys=True, default=str)
        for f in result.findings
    )


def test_a_scan_evaluates_the_same_rules_and_finds_the_same_as_the_eager_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    eager = _findings(load_rules, monkeypatch)
    lazy = _findings(indexed_rules, monkeypatch)
    assert len(eager) > 100
    assert lazy == eager
    evaluated = {json.loads(f)["rule"] for f in lazy}
    assert len(evaluated) > 50


def test_an_index_naming_other_modules_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    index.pop(next(iter(index)))
    stale = tmp_path / "_index.json"
    stale.write_text(json.dumps(index), encoding="utf-8")
    monkeypatch.setattr("wasp.rules._index.INDEX_FILE", stale)
    indexed_rules.cache_clear()
    try:
        rules = indexed_rules()
    finally:
        indexed_rules.cache_clear()
    assert rules is load_rules()


def test_scan_imports_only_the_rules_of_the_types_it_meets(tmp_path: Path) -> None:
    template = tmp_path / "t.yaml"
    template.write_text(
        "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties: {EnableKeyRotation: true}\n"
    )
    probe = (
        "import sys\nfrom wasp.cli.app import main\n"
        f"try:\n    main(['scan', {str(template)!r}, '-f', 'json', '-o', {str(tmp_path / 'o.json')!r}])\n"
        "except SystemExit:\n    pass\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('wasp.rules.') and '._' not in m))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    assert "wasp.rules.kms_key_rotation_enabled" in out
    assert not [m for m in out if m.startswith(("wasp.rules.s3_", "wasp.rules.iam_", "wasp.rules.ec2_"))]
    assert json.loads((tmp_path / "o.json").read_text())["findings"]
