"""The workload file."""

from __future__ import annotations

from pathlib import Path

import pytest

from wasp.errors import InputError
from wasp.workload import load_workload, workload_template


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
