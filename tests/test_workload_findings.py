"""The workload file's ``findings:`` block: thresholds for the security services' findings, end to end."""

from __future__ import annotations

import dataclasses
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest

from wasp.engine.review import scope_of
from wasp.errors import InputError
from wasp.model import Workload
from wasp.model.rule import FindingThresholds
from wasp.workload import load_workload, workload_template
from wasp.workload.context import ReviewContext, context_dict, context_from_dict, differences
from wasp.workload.file import FindingsSettings

DOC = Path(__file__).parents[1] / "docs" / "workload.md"
KEYS = [f.name for f in dataclasses.fields(FindingThresholds)]


def _load(tmp_path: Path, body: str) -> Workload:
    p = tmp_path / "wasp.yaml"
    p.write_text("name: w\nregions: [eu-west-2]\n" + textwrap.dedent(body))
    return load_workload(p)


def test_the_file_settings_are_the_rules_thresholds_with_the_same_defaults() -> None:
    assert list(FindingsSettings.model_fields) == KEYS
    assert FindingsSettings().thresholds() == FindingThresholds()


def test_a_findings_block_reaches_the_rules(tmp_path: Path) -> None:
    wl = _load(tmp_path, "findings:\n  guardduty_max_age_days: 3\n  max_findings_per_service: 50\n")
    assert wl.findings == FindingThresholds(guardduty_max_age_days=3, max_findings_per_service=50)
    assert scope_of(wl).findings is wl.findings
    assert _load(tmp_path, "").findings == FindingThresholds()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("findings:\n  guardduty_min_severity: 11\n", r"wasp.yaml:4: .*less than or equal to 10"),
        ("findings:\n  max_findings_per_service: 0\n", r"wasp.yaml:4: .*greater than or equal to 1"),
        ("findings:\n  guardduty_max_age: 3\n", r"wasp.yaml:4: .*guardduty_max_age"),
        ("findings:\n  inspector_patch_window_days: soon\n", r"wasp.yaml:4: .*integer"),
    ],
)
def test_bad_findings_settings_name_the_line(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        _load(tmp_path, body)


def test_the_template_lists_every_setting_and_its_example_loads(tmp_path: Path) -> None:
    text = workload_template("w", ["eu-west-2"], [])
    for key in KEYS:
        assert re.search(rf"^#   {key}: ", text, flags=re.M), f"wasp init does not mention findings.{key}"
    block = re.search(r"^# findings:.*?(?=^[^#]|\Z)", text, flags=re.M | re.S)
    assert block is not None
    on = re.sub(r"^# ", "", block.group(0), flags=re.M)
    assert _load(tmp_path, on).findings == FindingThresholds()


def test_the_docs_describe_every_setting() -> None:
    section = DOC.read_text().split("### `findings`", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    for key in KEYS:
        assert f"`{key}`" in section
    for key, value in dataclasses.asdict(FindingThresholds()).items():
        assert f"{key}: {value:g}" in section, f"the documented default of {key} is not {value}"


def test_snapshots_keep_the_thresholds_and_refuse_a_file_that_differs() -> None:
    mine = Workload(name="w", findings=FindingThresholds(inspector_patch_window_days=30))
    saved = context_from_dict(context_dict(ReviewContext(mine)))
    assert saved.workload.findings == mine.findings
    assert differences(saved, ReviewContext(Workload(name="w"))) == ["findings"]
    assert differences(saved, ReviewContext(mine)) == []
    old: dict[str, Any] = context_dict(ReviewContext(mine))
    del old["workload"]["findings"]
    assert context_from_dict(old).workload.findings == FindingThresholds(), "older snapshots: the defaults"


def test_a_live_review_hands_the_cap_to_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    from wasp import workflow
    from wasp.collect import CollectionStats
    from wasp.model import Inventory

    seen: dict[str, Any] = {}

    def collect(tasks: Any, clients: Any, regions: Any, **kw: Any) -> tuple[Inventory, CollectionStats]:
        seen.update(kw)
        return Inventory(), CollectionStats()

    monkeypatch.setattr(workflow, "open_accounts", lambda *a, **k: [])
    monkeypatch.setattr(workflow, "collect", collect)
    wl = Workload(name="w", regions=("eu-west-2",), findings=FindingThresholds(max_findings_per_service=7))
    workflow.collect_live(wl, collectors=["guardduty"])
    assert seen["findings"].max_findings_per_service == 7
