"""The JSON Schemas in docs/ are the ones wasp uses, and they are themselves valid."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from wasp.schemas import NAMES, schema

DOCS = Path(__file__).resolve().parents[1] / "docs" / "schemas"


@pytest.mark.parametrize("name", NAMES)
def test_committed_schema_matches_code(name: str) -> None:
    committed = json.loads((DOCS / f"{name}.schema.json").read_text())
    assert committed == schema(name), f"regenerate with: wasp schema {name} > docs/schemas/{name}.schema.json"
    jsonschema.Draft202012Validator.check_schema(committed)


def test_attestation_schema_requires_the_documented_fields() -> None:
    entry = schema("attestations")["$defs"]["AttestationEntry"]
    assert set(entry["required"]) == {"answer", "owner", "date"}
    assert entry["properties"]["answer"]["$ref"].endswith("Answer")


def test_rules_doc_is_generated_from_the_rules() -> None:
    from wasp.catalogue import load_catalogue
    from wasp.report.rules_doc import rules_markdown
    from wasp.rules import load_rules
    from wasp.workflow import live_rules

    committed = (DOCS.parent / "rules.md").read_text()
    live = frozenset(r.id for r in live_rules())
    assert committed.strip() == rules_markdown(load_rules(), load_catalogue(), live).strip(), (
        "regenerate with: wasp rules --format md > docs/rules.md"
    )
