"""`wasp wa export|import|list` and `wasp permissions --wa-tool` from the command line, against the Stubber-backed
Tool: exit codes, one-line errors, dry runs, the improvement CSV, pagination."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from wa_review import small_doc
from wa_stub import WORKLOAD, FakeTool
from wasp.catalogue import load_catalogue
from wasp.cli.app import main

CAT = load_catalogue()
MISSING = "f" * 32


@pytest.fixture(scope="module")
def review_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wa") / "review.json"
    path.write_text(json.dumps(small_doc()), encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> FakeTool:
    tool = FakeTool(CAT, workloads=(WORKLOAD, "1" * 32, "2" * 32), page_size=2)
    monkeypatch.setattr("wasp.wa.client.make_client", lambda region, profile: tool.client)
    return tool


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    seen: list[float] = []
    monkeypatch.setattr("wasp.wa.client.time.sleep", seen.append)
    return seen


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    got = capsys.readouterr()
    return int(exc.value.code or 0), got.out, got.err


def test_export_reports_each_question_and_exits_1_on_disagreement(
    fake: FakeTool, review_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["wa", "export", str(review_file), "--workload-id", WORKLOAD], capsys)
    assert "11 answer(s) updated, 0 unchanged" in out
    assert out.count("wasp ") >= 11 and "SEC03 permissions: wasp UNANSWERED, Tool UNANSWERED" in out
    errors = [line for line in err.splitlines() if line.startswith("wasp: error: risk disagrees on SEC")]
    assert errors and code == 1
    again, out2, _ = _run(["wa", "export", str(review_file), "--workload-id", WORKLOAD], capsys)
    assert "0 answer(s) updated, 11 unchanged" in out2 and again == 1


def test_missing_workload_is_one_line_exit_2(
    fake: FakeTool, review_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["wa", "export", str(review_file), "--workload-id", MISSING], capsys)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        f"wasp: error: workload {MISSING} not found in this region (GetWorkload); check --workload-id and --region "
        "(`wasp wa list` shows the workloads you can see)"
    ]
    assert "UpdateAnswer" not in fake.ops()


def test_access_denied_is_one_line_naming_the_permission(
    fake: FakeTool, review_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.fail("UpdateAnswer", "AccessDeniedException")
    code, _, err = _run(["wa", "export", str(review_file), "--workload-id", WORKLOAD], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "access denied to wellarchitected:UpdateAnswer" in err and "wasp permissions --wa-tool" in err


def test_debug_shows_the_traceback(fake: FakeTool, review_file: Path) -> None:
    from wasp.wa.client import WaToolError

    with pytest.raises(WaToolError):
        main(["--debug", "wa", "export", str(review_file), "--workload-id", MISSING])


def test_throttling_is_retried_then_reported(
    fake: FakeTool, sleeps: list[float], review_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.fail("GetAnswer", "ThrottlingException", "ThrottlingException")
    code, out, _ = _run(["wa", "export", str(review_file), "--workload-id", WORKLOAD], capsys)
    assert code == 1 and "11 answer(s) updated" in out and len(sleeps) == 2
    assert sleeps[1] > sleeps[0] * 0.9 / 2  # backs off (with jitter)
    fake.fail("UpdateAnswer", *["ThrottlingException"] * 5)
    code, _, err = _run(["wa", "export", str(review_file), "--workload-id", "1" * 32], capsys)
    assert code == 2 and "the Tool throttled UpdateAnswer 5 times in a row" in err


def test_dry_run_from_the_command_line_makes_no_call(
    fake: FakeTool, review_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "wa",
        "export",
        str(review_file),
        "--create",
        "--owner",
        "platform@example.com",
        "--milestone",
        "v1 baseline",
        "--dry-run",
    ]
    code, out, err = _run(args, capsys)
    assert code == 0 and fake.calls == [] and err == ""
    ops = [line.split(" ", 1)[0] for line in out.splitlines()]
    assert ops[0] == "CreateWorkload" and ops.count("GetAnswer") == 11 and ops.count("UpdateAnswer") == 11
    create = json.loads(out.splitlines()[0].split(" ", 1)[1])
    assert create["AccountIds"] == ["111122223333"] and create["AwsRegions"] == ["eu-west-2"]


def test_improvements_csv_follows_the_connector_hierarchy(
    fake: FakeTool, review_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "wa-improvements.csv"
    _run(["wa", "export", str(review_file), "--workload-id", WORKLOAD, "--improvements", str(target)], capsys)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    plan = small_doc()["improvement_plan"]
    subs = [r for r in rows if r["Issue Type"] == "Sub-task"]
    tasks = {r["Issue Id"]: r for r in rows if r["Issue Type"] == "Task"}
    assert rows[0]["Issue Type"] == "Epic" and len(subs) == len(plan)
    assert {r["Question Id"] for r in tasks.values()} == {
        q.wa_id for q in CAT.questions if any(i["question"] == q.id for i in plan)
    }
    for row, item in zip(subs, plan, strict=True):
        assert row["Best Practice"] == item["best_practice"]
        assert row["Choice Id"] == CAT.practice(item["best_practice"]).choice_id
        assert tasks[row["Parent Id"]]["Question Id"] == row["Question Id"]
        assert row["Workload Id"] == WORKLOAD and row["Lens Alias"] == "wellarchitected"


def test_import_writes_a_valid_attestation_file(
    fake: FakeTool, review_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wasp.attest.loader import load_attestations

    _run(["wa", "export", str(review_file), "--workload-id", WORKLOAD], capsys)
    target = tmp_path / "att.yaml"
    code, _, err = _run(["wa", "import", "--workload-id", WORKLOAD, "-o", str(target)], capsys)
    assert code == 0 and "attestation(s) to" in err
    loaded = load_attestations(target, CAT)
    assert {a.best_practice for a in loaded} >= {"SEC01-BP03", "SEC01-BP07"}


def test_list_pages_through_workloads_and_milestones(
    fake: FakeTool, capsys: pytest.CaptureFixture[str]
) -> None:
    for n in range(3):
        fake.client.create_milestone(
            WorkloadId=WORKLOAD, MilestoneName=f"milestone {n}", ClientRequestToken=f"t{n}"
        )
    fake.calls.clear()
    code, out, _ = _run(["wa", "list", "-f", "json"], capsys)
    rows: list[dict[str, Any]] = json.loads(out)
    assert code == 0 and [r["id"] for r in rows] == [WORKLOAD, "1" * 32, "2" * 32]
    assert [m["name"] for m in rows[0]["milestones"]] == ["milestone 0", "milestone 1", "milestone 2"]
    assert fake.ops().count("ListWorkloads") == 2  # two pages of two
    assert [
        p.get("NextToken") for op, p in fake.calls if op == "ListMilestones" and p["WorkloadId"] == WORKLOAD
    ] == [None, "t2"]
    code, text, _ = _run(["wa", "list"], capsys)
    assert f"{WORKLOAD}  payments-0  (" in text and "  milestone 2 milestone 1: none 1, unanswered 11" in text
    assert "  lens wellarchitected: none 1, unanswered 11" in text
    assert rows[0]["lens_reviews"] == {"wellarchitected": {"NONE": 1, "UNANSWERED": 11}}


def test_permissions_wa_tool_names_real_operations(capsys: pytest.CaptureFixture[str]) -> None:
    import botocore.session

    code, out, _ = _run(["permissions", "--wa-tool"], capsys)
    policy = json.loads(out)
    actions = [a for s in policy["Statement"] for a in s["Action"]]
    model = botocore.session.get_session().get_service_model("wellarchitected")
    assert code == 0 and all(a.split(":")[1] in model.operation_names for a in actions)
    assert {
        "wellarchitected:UpdateAnswer",
        "wellarchitected:CreateMilestone",
        "wellarchitected:ListAnswers",
    } <= set(actions)
    assert not any(a.split(":")[1].startswith(("Delete", "Update" + "Workload")) for a in actions)


def test_dry_run_needs_no_credentials_and_a_real_call_says_what_is_missing(
    review_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    args = ["wa", "export", str(review_file), "--workload-id", WORKLOAD, "--region", "eu-west-1"]
    code, out, _ = _run([*args, "--dry-run"], capsys)
    assert code == 0 and out.count("UpdateAnswer ") == 11
    code, _, err = _run(args, capsys)
    assert (
        code == 2 and err.startswith("wasp: error: no AWS credentials found") and len(err.splitlines()) == 1
    )
