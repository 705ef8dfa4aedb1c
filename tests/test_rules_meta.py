"""Meta-tests over every rule: identity, references, examples, resource types, purity."""

from __future__ import annotations

import ast
import json
from functools import cache
from importlib import resources
from pathlib import Path

import pytest

import wasp.rules
from wasp.catalogue import load_catalogue
from wasp.engine.evaluate import evaluate_resource
from wasp.model import ACCOUNT_TYPE, FindingStatus, Inventory
from wasp.model.rule import Rule, RuleContext
from wasp.rules import load_rules

RULES = load_rules()
RULE_DIR = Path(wasp.rules.__file__).parent


@cache
def cfn_types() -> frozenset[str]:
    """Every resource type in the CloudFormation schemas cfn-lint ships."""
    text = resources.files("cfnlint.data.schemas.providers").joinpath("us-east-1.json").read_text()
    return frozenset(json.loads(text))


def test_there_are_rules_and_ids_are_module_names() -> None:
    assert len(RULES) >= 20
    assert len({r.id for r in RULES}) == len(RULES)
    for rule in RULES:
        assert (RULE_DIR / f"{rule.id}.py").exists()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_metadata_is_complete(rule: Rule) -> None:
    known = load_catalogue().practice_ids
    assert rule.meta.best_practices and set(rule.meta.best_practices) <= known
    assert rule.meta.title and rule.meta.description
    rem = rule.meta.remediation
    assert all(len(x) > 10 for x in (rem.console, rem.cli, rem.cloudformation, rem.terraform))
    for rtype in rule.meta.reads_types:
        assert rtype == ACCOUNT_TYPE or rtype.startswith("WASP::") or rtype in cfn_types(), rtype


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_examples_give_their_declared_verdicts(rule: Rule) -> None:
    expected = {e.expect for e in rule.examples}
    assert FindingStatus.PASS in expected and FindingStatus.FAIL in expected, (
        "needs a pass and a fail example"
    )
    for example in rule.examples:
        inv = Inventory()
        inv.add(example.resource)
        inv.extend(example.related)
        ctx = RuleContext(inventory=inv, workload=example.workload, now=example.now)
        finding = evaluate_resource(rule, example.resource, ctx, "2026-01-01T00:00:00+00:00")
        assert finding is not None, f"{rule.id}/{example.name}: rule did not apply"
        assert finding.status is example.expect, f"{rule.id}/{example.name}: {finding.message}"
        assert finding.best_practices == rule.meta.best_practices


@pytest.mark.parametrize("path", sorted(RULE_DIR.glob("*.py")), ids=lambda p: p.name)
def test_rules_import_only_the_model_and_rule_helpers(path: Path) -> None:
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            assert not name.startswith(("boto3", "botocore", "moto", "requests", "urllib", "socket")), name
            if name.startswith("wasp"):
                assert name.startswith(("wasp.model", "wasp.rules")), f"{path.name} imports {name}"
