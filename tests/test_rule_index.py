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
from wasp.rules._index import INDEX_FILE, LazyEvaluate, build_index, indexed_rules, render, source_digest
from wasp.scan_workflow import ScanOptions, scan

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "iac" / "corpus"


def test_index_file_is_in_step_with_the_rule_modules() -> None:
    expected = render(build_index(load_rules()), source_digest())
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


def _from(doc: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    index = tmp_path / "_index.json"
    index.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr("wasp.rules._index.INDEX_FILE", index)
    indexed_rules.cache_clear()
    try:
        return indexed_rules()
    finally:
        indexed_rules.cache_clear()


def test_the_shipped_index_is_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    rules = _from(doc, tmp_path, monkeypatch)
    assert rules is not load_rules()
    assert isinstance(rules[0].evaluate, LazyEvaluate)


def test_an_index_of_other_sources_or_naming_other_modules_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    edited = {**doc, "digest": "0" * 32}  # a rule added or edited since the index was made
    assert _from(edited, tmp_path, monkeypatch) is load_rules()
    rules = dict(doc["rules"])
    rules.pop(next(iter(rules)))
    assert _from({**doc, "rules": rules}, tmp_path, monkeypatch) is load_rules()


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
