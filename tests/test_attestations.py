"""Attestation files: format, validation with file:line, the template."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from wasp.attest import attestation_template, load_attestations
from wasp.catalogue import load_catalogue
from wasp.errors import InputError
from wasp.model import Answer, EvidenceMode, NAReason

CAT = load_catalogue()


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "att.yaml"
    p.write_text(text)
    return p


def test_valid_file_loads_with_sources(tmp_path: Path) -> None:
    p = _write(
        tmp_path,
        """schema: wasp.attestations/1
attestations:
  SEC01-BP07:
    answer: yes
    owner: lead@example.com
    date: 2026-01-10
    expires: 2027-01-10
    evidence: [https://wiki/threat-model]
  SEC11-BP05:
    answer: not_applicable
    reason: out_of_scope
    owner: lead@example.com
    date: 2026-01-10
""",
    )
    atts = {a.best_practice: a for a in load_attestations(p, CAT)}
    assert atts["SEC01-BP07"].answer is Answer.YES  # bare YAML yes is read as the answer yes
    assert atts["SEC01-BP07"].expires == date(2027, 1, 10)
    assert atts["SEC11-BP05"].reason is NAReason.OUT_OF_SCOPE
    assert atts["SEC01-BP07"].source == f"{p}:3"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "attestations:\n  SEC01-BP07:\n    answer: yes\n    owner: a\n    date: 2026-01-01\n",
            r"att.yaml:2: attestation file: attestations.SEC01-BP07: evidence is required",
        ),
        (
            "attestations:\n  SEC01-BP07:\n    answer: not_applicable\n    owner: a\n    date: 2026-01-01\n",
            r"att.yaml:2: .*reason is required",
        ),
        (
            "attestations:\n  SEC01-BP99:\n    answer: no\n    owner: a\n    date: 2026-01-01\n",
            r"att.yaml:2: .*SEC01-BP99",
        ),
        (
            "attestations:\n  SEC12-BP01:\n    answer: no\n    owner: a\n    date: 2026-01-01\n",
            r"att.yaml:2: .*SEC12-BP01.*should match pattern",
        ),
        (
            "attestations:\n  SEC01-BP07:\n    answer: maybe\n    owner: a\n    date: 2026-01-01\n",
            r"att.yaml:3: .*answer",
        ),
        (
            "attestations:\n  SEC01-BP07:\n    answer: no\n    owner: a\n    date: not-a-date\n",
            r"att.yaml:5: .*date",
        ),
        ("attestations: [\n", r"att.yaml:\d+: attestation file is not valid YAML"),
        ("- just\n- a list\n", r"must be a YAML mapping"),
        (
            "attestations:\n  SEC01-BP07:\n    answer: no\n    owner: a\n    date: 2026-01-01\n    colour: red\n",
            r"att.yaml:6: .*colour",
        ),
    ],
)
def test_bad_files_give_one_line_with_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as exc:
        load_attestations(_write(tmp_path, body), CAT)
    assert "\n" not in str(exc.value)


def test_unknown_legacy_id_is_explained(tmp_path: Path) -> None:
    p = _write(tmp_path, "attestations:\n  SEC09-BP04:\n    answer: no\n    owner: a\n    date: 2026-01-01\n")
    with pytest.raises(InputError, match="legacy numbering"):
        load_attestations(p, CAT)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_attestations(tmp_path / "nope.yaml", CAT)
    bad = tmp_path / "bin.yaml"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="cannot read"):
        load_attestations(bad, CAT)


def test_template_lists_every_hybrid_and_attested_practice_and_parses(tmp_path: Path) -> None:
    text = attestation_template(CAT, date(2026, 11, 28), "payments")
    people = [bp for bp in CAT.best_practices if bp.evidence_mode is not EvidenceMode.AUTOMATED]
    for bp in people:
        assert f"# {bp.id}:" in text
    assert len(people) > 30
    assert load_attestations(_write(tmp_path, text), CAT) == []
    # uncommenting one block gives a valid attestation
    lines = text.splitlines()
    start = lines.index(f"  # {people[0].id}:")
    block = [ln.replace("  # ", "  ", 1) for ln in lines[start : start + 7]]
    doc = yaml.safe_load("attestations:\n" + "\n".join(block))
    assert doc["attestations"][people[0].id]["answer"] is True
    assert len(load_attestations(_write(tmp_path, "attestations:\n" + "\n".join(block) + "\n"), CAT)) == 1
