"""wasp against the labelled IaC corpus: every insecure resource fails its rule, every secure twin passes."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pytest

from corpus import CORPUS, Case, cases, insecure_count
from wasp.engine.evaluate import evaluate
from wasp.iac.enrich import enrich
from wasp.iac.scan import ScanOptions, Source, SourceKind, read_source
from wasp.model import Inventory
from wasp.model.rule import RuleContext
from wasp.rules import load_rules

NOW = datetime(2026, 11, 28, tzinfo=UTC)
RULES = {r.id: r for r in load_rules()}
KINDS = {"cloudformation": SourceKind.CLOUDFORMATION, "terraform": SourceKind.TERRAFORM}
ALL = list(cases())


@cache
def verdicts(language: str, path: Path) -> dict[tuple[str, str], str]:
    """(rule, logical id or address) -> status, for every IaC rule on one file or root module."""
    loaded = read_source(Source(KINDS[language], path), ScanOptions())
    assert loaded.errors == [], loaded.errors
    inventory = Inventory()
    inventory.extend(enrich(r) for r in loaded.resources)
    rules = [r for r in RULES.values() if r.meta.iac]
    found = evaluate(
        rules, inventory, RuleContext(inventory=inventory, now=NOW), observed_at=NOW, require_collected=False
    )
    out: dict[tuple[str, str], str] = {}
    for f in found.findings:
        for name in {f.resource.id, f.resource.address}:
            if name:
                out[(f.rule, name)] = f.status.value
    return out


def test_the_corpus_is_large_enough() -> None:
    assert insecure_count() >= 150


@pytest.mark.parametrize("case", ALL, ids=[f"{c.area}:{c.rule}" for c in ALL])
def test_case(case: Case) -> None:
    assert case.rule in RULES, f"{case.area}: unknown rule {case.rule}"
    assert RULES[case.rule].meta.iac
    assert set(case.checkov) <= set(RULES[case.rule].meta.checkov), (
        "label Checkov ids the rule does not claim"
    )
    for side in case.sides:
        assert side.file.is_relative_to(CORPUS) and side.file.exists(), side.file
        seen = verdicts(side.language, side.file)
        for name in side.insecure:
            assert seen.get((case.rule, name)) == "fail", (
                f"{side.language} {name}: {seen.get((case.rule, name))}"
            )
        for name in side.secure:
            assert seen.get((case.rule, name)) == "pass", (
                f"{side.language} {name}: {seen.get((case.rule, name))}"
            )
