"""Framework mappings: ids are the published ones, every practice is mapped, views count honestly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wasp.catalogue import load_catalogue
from wasp.catalogue.frameworks import load_frameworks
from wasp.cli.app import main
from wasp.report.compliance import compliance_view, control_status

PUBLISHED = {
    "ncsc": {str(i) for i in range(1, 15)},
    "cyber-essentials": {
        "firewalls",
        "secure-configuration",
        "security-update-management",
        "user-access-control",
        "malware-protection",
    },
    "uk-gdpr": {"32(1)(a)", "32(1)(b)", "32(1)(c)", "32(1)(d)", "32(2)", "32(4)", "33"},
}
NCSC_NAMES = {
    "1": "Data in transit protection",
    "4": "Governance framework",
    "9": "Secure user management",
    "10": "Identity and authentication",
    "11": "External interface protection",
}


def test_five_frameworks_with_published_ids() -> None:
    fw = load_frameworks()
    assert set(fw) == {"ncsc", "cyber-essentials", "iso27001", "uk-gdpr", "fca-dora"}
    for name, ids in PUBLISHED.items():
        assert {c.id for c in fw[name].controls} == ids
    ncsc = {c.id: c.title for c in fw["ncsc"].controls}
    for number, title in NCSC_NAMES.items():
        assert ncsc[number] == title, "NCSC's published numbering, not the brief's"
    iso = [c.id for c in fw["iso27001"].controls]
    assert all(c.startswith(("A.5.", "A.6.", "A.7.", "A.8.")) for c in iso)
    assert {
        "A.5.15",
        "A.5.24",
        "A.5.26",
        "A.8.2",
        "A.8.15",
        "A.8.16",
        "A.8.20",
        "A.8.21",
        "A.8.24",
        "A.8.25",
        "A.8.28",
    } <= set(iso)


def test_every_mapping_has_a_rationale_and_every_practice_is_mapped() -> None:
    mapped: set[str] = set()
    for framework in load_frameworks().values():
        for control in framework.controls:
            assert control.best_practices and len(control.rationale) > 20 and "," not in control.id
            mapped |= set(control.best_practices)
    assert mapped == load_catalogue().practice_ids


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["met", "met"], "met"),
        (["met", "not_applicable"], "met"),
        (["met", "not_assessed"], "not_assessed"),
        (["met", "not_met", "not_assessed"], "not_met"),
        (["not_applicable"], "not_applicable"),
    ],
)
def test_control_status(statuses: list[str], expected: str) -> None:
    assert control_status(statuses) == expected


def test_view_of_the_demo_counts_attested_separately(demo_doc: dict[str, Any]) -> None:
    for framework in load_frameworks().values():
        view = compliance_view(demo_doc, framework)
        assert sum(view["summary"].values()) == len(framework.controls)
    gdpr = compliance_view(demo_doc, load_frameworks()["uk-gdpr"])
    assert any(c["met_by_attestation"] for c in gdpr["controls"])


@pytest.mark.parametrize("fmt", ["table", "json", "md"])
def test_compliance_command(
    demo_doc: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    review = tmp_path / "review.json"
    review.write_text(json.dumps(demo_doc))
    with pytest.raises(SystemExit) as exc:
        main(["compliance", str(review), "--framework", "iso27001", "--format", fmt])
    output = capsys.readouterr().out
    assert exc.value.code == 0 and "A.8.24" in output
