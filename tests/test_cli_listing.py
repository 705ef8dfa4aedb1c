"""Listing commands: `-f json` is the whole list on stdout, and tables never cut an id the user has to type."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from wasp.cli.app import main
from wasp.rules import load_rules

LONG_MILESTONE = "baseline-before-the-payments-platform-migration-2026-11"
LONG_WAIVER = "accepted-risk-legacy-reporting-bucket-public-until-migration"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `wasp ARGS`; the exit code, stdout and stderr."""
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out, captured.err


@pytest.fixture
def narrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """An 80-column terminal: the width at which ids used to be cut with an ellipsis."""
    from wasp.cli import console

    monkeypatch.setattr(console.out, "_width", 80)


@pytest.fixture
def store(tmp_path: Path, demo_doc: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> str:
    """A SQLite store with two reviews, a long milestone name and a long waiver id."""
    from wasp.store import open_store

    db = str(tmp_path / "wasp.db")
    s = open_store(db)
    s.save(demo_doc)
    later = copy.deepcopy(demo_doc)
    later["generated_at"] = "2030-01-01T00:00:00+00:00"
    s.save(later)
    s.create_milestone(LONG_MILESTONE, "1")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        f"waivers:\n  - id: {LONG_WAIVER}\n    rule: s3_bucket_public_access_block\n    owner: data team\n"
        "    reason: the reporting bucket is public until the migration\n    expires: 2030-01-01\n"
    )
    assert run(capsys, "waiver", "import", str(waivers), "--db", db)[0] == 0
    return db


def test_rules_json_is_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "-f", "json")
    listed = json.loads(out)
    assert code == 0 and [r["id"] for r in listed] == [r.id for r in load_rules()]
    assert all(r["title"] and r["best_practices"] and r["severity"] for r in listed)


def test_rules_table_keeps_every_id_whole(capsys: pytest.CaptureFixture[str], narrow: None) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "…" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    listed = column(out, 0)
    for rule in load_rules():
        assert rule.id in listed, rule.id


def test_milestones_history_show_and_waivers_as_json(
    store: str, demo_doc: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "milestones", "-f", "json", "--db", store)
    [m] = json.loads(out)
    assert code == 0 and m["name"] == LONG_MILESTONE and m["review"] == 1
    assert m["high_risk_questions"] == demo_doc["summary"]["high_risk_questions"]  # type: ignore[index]

    code, out, _ = run(capsys, "history", "--format", "json", "--db", store)
    rows = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [1, 2] and rows[0]["milestone"] == LONG_MILESTONE
    assert len(rows[1]["questions"]) == 11

    code, out, _ = run(capsys, "show", "latest", "-f", "json", "--db", store)
    shown = json.loads(out)
    assert code == 0 and shown["generated_at"] == "2030-01-01T00:00:00+00:00"
    assert len(shown["findings"]) == len(demo_doc["findings"])  # type: ignore[arg-type]  # complete

    code, out, _ = run(capsys, "waiver", "list", "-f", "json", "--db", store)
    [w] = json.loads(out)
    assert code == 0 and w["id"] == LONG_WAIVER and w["rule"] == "s3_bucket_public_access_block"
    assert w["expires"] == "2030-01-01" and w["expired"] is False and w["reason"].endswith("the migration")


def column(table: str, index: int) -> str:
    """The text of one column of a printed rich table, its lines joined: an id folded over lines is whole."""
    cells = [line.split("│")[index + 1].strip() for line in table.splitlines() if line.startswith("│")]
    return "".join(cells)


def test_store_tables_keep_ids_whole(store: str, capsys: pytest.CaptureFixture[str], narrow: None) -> None:
    for args, index, wanted in (
        (("milestones",), 0, LONG_MILESTONE),
        (("history",), 5, LONG_MILESTONE),
        (("waiver", "list"), 0, LONG_WAIVER),
    ):
        code, out, err = run(capsys, *args, "--db", store)
        assert code == 0, err
        assert "…" not in out and wanted in column(out, index), f"{args}\n{out}"
        assert max(len(line) for line in out.splitlines()) <= 80, out  # fits: nothing cropped at the edge


def test_json_output_escapes_hostile_text(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(capsys, "milestone", "create", "m\x1b[2J\x9b31m\u202ex", "--review", "2", "--db", store)
    assert code == 0
    code, out, _ = run(capsys, "milestones", "-f", "json", "--db", store)
    assert code == 0 and not any(c in out for c in "\x1b\x9b\u202e")
    assert json.loads(out)[1]["name"] == "m\x1b[2J\x9b31m\u202ex"  # escaped, not dropped
