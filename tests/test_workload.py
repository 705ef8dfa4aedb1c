"""The workload file."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from wasp.errors import InputError
from wasp.model import Workload
from wasp.workload import WorkloadFile, load_workload, workload_template
from wasp.workload.file import ClassificationScheme


def test_template_round_trips(tmp_path: Path) -> None:
    p = tmp_path / "wasp.yaml"
    p.write_text(workload_template("payments", ["eu-west-2", "eu-west-1"], ["123456789012"]))
    wl = load_workload(p)
    assert wl.name == "payments" and wl.regions == ("eu-west-2", "eu-west-1")
    assert wl.accounts == ("123456789012",)
    assert wl.attestations == str(tmp_path / "attestations.yaml")
    assert wl.stakeholders["SEC02"] == "iam-lead@example.com"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name: x\nregions: [eu-west-2]\naccounts: ['1234']\n", r"wasp.yaml:3: .*12-digit"),
        ("name: x\nregions: [mars-1]\n", r"wasp.yaml:2: .*region name"),
        ("name: x\n", r"regions: Field required"),
        ("name: x\nregions: [eu-west-2]\nstakeholders: {SEC12: a}\n", r"question id"),
        ("name: x\nregions: [eu-west-2]\nenvironment: dev\n", r"wasp.yaml:3: .*environment"),
        ("name: x\nregions: [eu-west-2\n", r"not valid YAML"),
    ],
)
def test_bad_workload_files(tmp_path: Path, body: str, message: str) -> None:
    p = tmp_path / "wasp.yaml"
    p.write_text(body)
    with pytest.raises(InputError, match=message):
        load_workload(p)


DOC = Path(__file__).parents[1] / "docs" / "workload.md"


def _sections(text: str) -> dict[str, str]:
    """docs/workload.md's field sections: '### `key`' heading -> its body."""
    parts = re.split(r"^### `([a-z_]+)`\n", text, flags=re.M)
    return {parts[i]: parts[i + 1].split("\n## ")[0] for i in range(1, len(parts), 2)}


FILE_FIELDS = [f.alias or name for name, f in WorkloadFile.model_fields.items()]


def test_every_file_field_is_documented_with_type_default_example_and_use() -> None:
    sections = _sections(DOC.read_text())
    assert set(sections) == set(FILE_FIELDS), "docs/workload.md must have one '### `key`' section per field"
    for key, body in sections.items():
        for part in ("**Type:**", "**Example:**", "**Used by:**"):
            assert part in body, f"{key}: no {part}"
        assert "**Default:**" in body or "required" in body, f"{key}: neither a default nor 'required'"
    classification = sections["classification"]
    assert all(f"`{k}`" in classification for k in ClassificationScheme.model_fields)


def test_every_model_field_is_documented() -> None:
    text = DOC.read_text()
    assert "wasp.workload/1" in text
    for name in Workload.__dataclass_fields__:
        assert f"`{name}`" in text, f"Workload.{name} is not in docs/workload.md"


def _template(tmp_path: Path, text: str, name: str = "wasp.yaml") -> Workload:
    p = tmp_path / name
    p.write_text(text)
    return replace(load_workload(p), source=None)


def test_template_mentions_every_field_and_round_trips_without_comments(tmp_path: Path) -> None:
    text = workload_template("payments: EU", ["eu-west-2"], ["123456789012", "210987654321"])
    for key in FILE_FIELDS:
        assert re.search(rf"^(# )?{key}:", text, flags=re.M), f"wasp init does not mention {key}"
    for key in ClassificationScheme.model_fields:
        assert re.search(rf"^#   {key}:", text, flags=re.M)
    bare = "\n".join(
        re.sub(r"\s+#.*$", "", line) for line in text.splitlines() if not line.lstrip().startswith("#")
    )
    assert "#" not in bare
    loaded = _template(tmp_path, text)
    assert _template(tmp_path, bare, "bare.yaml") == loaded
    assert loaded.name == "payments: EU" and loaded.accounts == ("123456789012", "210987654321")


def test_template_examples_are_valid_when_uncommented(tmp_path: Path) -> None:
    text = workload_template("payments", ["eu-west-2"], [])
    on = re.sub(r"^# (?=[a-z_]+:|  )", "", text, flags=re.M)
    wl = _template(tmp_path, on)
    default = Workload(name="x")
    for name in ("profile", "role_name", "waivers", "security_contact", "kms_key", "scope_tags"):
        assert getattr(wl, name) != getattr(default, name), f"the {name} example was not turned on"
    assert (
        wl.classification_keys[0] == "DataClassification"
        and ("pii", "restricted") in wl.classification_values
    )
    assert wl.security_contact is not None and set(wl.security_contact) == {"name", "email", "phone", "title"}


def test_template_without_regions_says_one_is_needed(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="regions"):
        _template(tmp_path, workload_template("payments", [], []))
