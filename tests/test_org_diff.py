"""Milestones and `wasp diff` on reviews of several accounts: per practice, how many accounts improved and
regressed; per account, what changed; a wasp.review/1 review on either side compares as before, without accounts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import REGION
from org_estate import BUCKET, DENIED, DEV, PROD, SANDBOX, estate, org_review
from test_review_load import small_review
from wasp.cli.app import main
from wasp.model import Gap
from wasp.report import review_dict
from wasp.report.diff import diff_reviews
from wasp.report.diff_accounts import practice_direction, question_direction
from wasp.store import open_store

EXTRA = "555555555555"


def _before() -> dict[str, Any]:
    return dict(review_dict(org_review(estate())))


def _after(**kw: Any) -> dict[str, Any]:
    """PROD fixed root MFA and versioning; DEV closed SSH but suspended versioning; SANDBOX opened SSH."""
    inv = estate(open_ssh=(PROD, SANDBOX), no_mfa=(), unversioned=(DEV,))
    return dict(review_dict(org_review(inv, **kw)))


def _bp(d: dict[str, Any], bp: str) -> dict[str, Any]:
    return next(x for x in d["accounts"]["best_practices"] if x["id"] == bp)


def test_diff_counts_accounts_that_improved_and_regressed_per_practice() -> None:
    d = diff_reviews(_before(), _after())
    accounts = d["accounts"]
    assert accounts["compared"] == 4 and accounts["added"] == [] and accounts["removed"] == []
    ssh = _bp(d, "SEC05-BP02")
    assert (ssh["improved_accounts"], ssh["regressed_accounts"]) == ([DEV], [SANDBOX])
    versioning = _bp(d, "SEC08-BP04")
    assert (versioning["improved_accounts"], versioning["regressed_accounts"]) == ([PROD], [DEV])
    # the whole review's SEC08-BP04 stays not met (DEV fails now): only the per-account view shows the movement
    assert all(p["id"] != "SEC08-BP04" for p in d["best_practices"])
    sec05 = next(q for q in accounts["questions"] if q["id"] == "SEC05")
    assert (sec05["better"], sec05["worse"]) == (1, 1)
    by_account = {c["account"]: c for c in accounts["changes"]}
    assert set(by_account) == {PROD, DEV, SANDBOX}  # DENIED did not change
    assert {"id": "SEC08", "before": "none", "after": "high", "direction": "worse"} in by_account[DEV][
        "questions"
    ]


def test_a_practice_that_becomes_not_assessed_is_neither_improved_nor_regressed() -> None:
    assert practice_direction("not_met", "not_assessed") == "unclear"
    assert practice_direction("met", "not_assessed") == "unclear"
    assert practice_direction("not_assessed", "not_met") == "unclear"
    assert practice_direction("not_met", "not_applicable") == "improved"
    assert practice_direction("not_applicable", "not_met") == "regressed"
    assert question_direction("high", "unanswered") == "unclear"
    assert question_direction("medium", "high") == "worse"
    before = _before()
    inv = estate()
    # SANDBOX's bucket listing is denied too now: its versioning practice is unclear, not regressed
    inv.add_gap(Gap("s3", "list_buckets", "access_denied", "AccessDenied", SANDBOX, REGION, (BUCKET,)))
    after = dict(review_dict(org_review(inv)))
    versioning = _bp(diff_reviews(before, after), "SEC08-BP04")
    assert (versioning["improved"], versioning["regressed"], versioning["unclear"]) == (0, 0, 1)


def test_accounts_in_one_review_only_are_added_or_removed_not_compared() -> None:
    before = dict(review_dict(org_review(estate(), accounts=(PROD, DEV, SANDBOX, DENIED, EXTRA))))
    after = _after()
    d = diff_reviews(before, after)["accounts"]
    assert d["removed"] == [EXTRA] and d["added"] == [] and d["compared"] == 4
    d = diff_reviews(after, before)["accounts"]
    assert d["added"] == [EXTRA]


def test_a_review_1_on_either_side_has_no_account_comparison() -> None:
    old = small_review()
    new = review_dict(org_review())
    assert diff_reviews(old, new)["accounts"] is None
    assert diff_reviews(new, old)["accounts"] is None


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    captured = capsys.readouterr()
    assert exc.value.code == 0, captured.err
    return captured.out


def test_milestones_of_an_org_review_diff_per_account(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store.db")
    store = open_store(db)
    store.save(_before())
    later = _after()
    later["generated_at"] = "2026-07-01T00:00:00+00:00"
    store.save(later)
    _run(capsys, "milestone", "create", "q2", "--review", "1", "--db", db)
    _run(capsys, "milestone", "create", "q3", "--review", "2", "--db", db)
    text = _run(capsys, "diff", "q2", "q3", "--db", db)
    assert "per account: 4 accounts compared, 0 added, 0 removed" in text
    assert "SEC05-BP02 improved in 1 account, regressed in 1 account" in text
    assert "SEC01-BP02 improved in 1 account, regressed in 0 accounts" in text
    as_json = json.loads(_run(capsys, "diff", "q2", "q3", "--format", "json", "--db", db))
    assert {c["account"] for c in as_json["accounts"]["changes"]} == {PROD, DEV, SANDBOX}
    shown = _run(capsys, "show", "q3", "--db", db)
    assert "(wasp.review/2)" in shown and "4 accounts: 3 with high-risk questions" in shown
    # a file and a stored review compare the same way
    path = tmp_path / "before.json"
    path.write_text(json.dumps(_before()))
    assert "SEC05-BP02 improved in 1 account" in _run(capsys, "diff", str(path), "q3", "--db", db)
