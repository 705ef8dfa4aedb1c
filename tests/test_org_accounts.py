"""Per-account question risk and the organisation rollup: decided by the review's own rules, account by account."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NOW
from org_estate import DENIED, DEV, PROD, SANDBOX, estate, inventory_of, org_review
from test_review_load import small_review
from wasp.errors import InputError
from wasp.model import Answer, Attestation, BPStatus, Inventory, QuestionRisk
from wasp.report import review_dict, write_review
from wasp.report.base import load_review
from wasp.schemas.validate import validate

NOW_DATE = NOW.date()


def _practice(review, account: str, bp: str):  # type: ignore[no-untyped-def]
    acct = next(a for a in review.accounts if a.account == account)
    return next(p for q in acct.questions for p in q.best_practices if p.id == bp)


def _risk(review, account: str, question: str) -> QuestionRisk:  # type: ignore[no-untyped-def]
    acct = next(a for a in review.accounts if a.account == account)
    return next(q.risk for q in acct.questions if q.id == question)


def test_each_account_is_decided_from_its_own_findings() -> None:
    review = org_review()
    assert {a.account for a in review.accounts} == {PROD, DEV, SANDBOX, DENIED}
    # open SSH in PROD and DEV only: SEC05 is high there, none in SANDBOX
    assert _risk(review, PROD, "SEC05") is QuestionRisk.HIGH
    assert _risk(review, DEV, "SEC05") is QuestionRisk.HIGH
    assert _risk(review, SANDBOX, "SEC05") is QuestionRisk.NONE
    # root without MFA in PROD only
    assert _practice(review, PROD, "SEC02-BP01").status is BPStatus.NOT_MET
    assert _practice(review, DEV, "SEC02-BP01").status is BPStatus.MET
    # the whole review is the worst of its accounts
    assert next(q for q in review.questions if q.id == "SEC05").risk is QuestionRisk.HIGH


def test_a_practice_denied_in_one_account_is_not_assessed_there_only() -> None:
    review = org_review()
    denied = _practice(review, DENIED, "SEC08-BP04")
    assert denied.status is BPStatus.NOT_ASSESSED
    assert "access_denied" in denied.reason and DENIED in denied.reason
    assert _practice(review, SANDBOX, "SEC08-BP04").status is BPStatus.MET
    assert _practice(review, PROD, "SEC08-BP04").status is BPStatus.NOT_MET
    assert _risk(review, DENIED, "SEC08") is QuestionRisk.UNANSWERED
    acct = next(a for a in review.accounts if a.account == DENIED)
    assert acct.gaps == 1 and acct.failing_findings == 0


def test_an_account_with_nothing_of_a_type_has_the_practice_not_applicable() -> None:
    """DENIED has no bucket to find (its listing was denied); an account truly without buckets is N/A there."""
    inv = estate()
    review = org_review(inv, accounts=(PROD, DEV, SANDBOX, DENIED, "555555555555"))
    empty = _practice(review, "555555555555", "SEC08-BP04")
    assert empty.status is BPStatus.NOT_APPLICABLE
    # its account resource was never read: root MFA is not assessed, never met
    assert _practice(review, "555555555555", "SEC02-BP01").status is not BPStatus.MET


def test_an_account_wide_attestation_applies_to_every_account() -> None:
    att = Attestation("SEC03-BP01", Answer.YES, "iam@example.com", NOW_DATE)
    review = org_review(attestations=[att])
    for a in review.accounts:
        assert _practice(review, a.account, "SEC03-BP01").status is BPStatus.MET
    contradicting = Attestation("SEC05-BP02", Answer.YES, "net@example.com", NOW_DATE)
    review = org_review(attestations=[contradicting])
    assert _practice(review, PROD, "SEC05-BP02").contradicted
    assert _practice(review, SANDBOX, "SEC05-BP02").status is BPStatus.MET
    assert not _practice(review, SANDBOX, "SEC05-BP02").contradicted


def test_accounts_come_worst_first_and_the_order_is_deterministic() -> None:
    review = org_review()
    order = [a.account for a in review.accounts]
    assert order == [PROD, DEV, DENIED, SANDBOX]  # 4 high, 1 high, then most unanswered, then the rest
    again = org_review(estate())
    assert [a.account for a in again.accounts] == order
    keys = [a.sort_key for a in review.accounts]
    assert keys == sorted(keys)
    # ties are broken by account id, whatever order the workload lists them in
    tied = org_review(estate(open_ssh=(), no_mfa=(), unversioned=()), accounts=(SANDBOX, DEV, PROD))
    assert [a.account for a in tied.accounts] == [DENIED, PROD, DEV, SANDBOX]


def test_review_json_carries_accounts_and_the_rollup_by_ou(tmp_path: Path) -> None:
    inv = estate(names=[(PROD, "prod", "Root/Prod"), (DEV, "dev", "Root/Dev"), (SANDBOX, "sbx", "Root/Dev")])
    doc = review_dict(org_review(inv))
    assert doc["schema"] == "wasp.review/2"
    validate("review", doc)
    accounts = doc["accounts"]
    assert [a["id"] for a in accounts] == [PROD, DEV, DENIED, SANDBOX]
    prod = accounts[0]
    assert (prod["name"], prod["ou"], prod["high_risk_questions"]) == ("prod", "Root/Prod", 4)
    assert prod["best_practices"]["SEC05-BP02"] == "not_met"
    assert accounts[2]["best_practices"]["SEC08-BP04"] == "not_assessed"
    assert accounts[2]["ou"] is None  # DENIED is not in the organisation's listing
    org = doc["organisation"]
    assert org["accounts"] == 4 and org["high_risk_accounts"] == 2
    # OUs in the order of their worst account; accounts with no known OU under null
    assert [(o["ou"], o["accounts"]) for o in org["ous"]] == [
        ("Root/Prod", [PROD]),
        ("Root/Dev", [DEV, SANDBOX]),
        (None, [DENIED]),
    ]
    sec05 = next(q for q in org["questions"] if q["id"] == "SEC05")
    assert (sec05["high"], sec05["none"]) == (2, 2)
    path = write_review(doc, tmp_path / "review.json")
    assert load_review(path)["accounts"] == accounts


def test_a_wasp_review_1_document_still_loads(tmp_path: Path) -> None:
    old = small_review()
    assert old["schema"] == "wasp.review/1" and "accounts" not in old
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    loaded = load_review(path)
    assert loaded["schema"] == "wasp.review/1"
    assert "accounts" not in loaded


def test_a_review_2_with_a_malformed_account_is_refused(tmp_path: Path) -> None:
    doc = review_dict(org_review())
    doc["accounts"][0]["questions"][0]["risk"] = "catastrophic"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(InputError, match="accounts/0/questions/0/risk"):
        load_review(path)


def test_an_account_is_decided_as_a_review_of_that_account_alone_would_be() -> None:
    """Same rules, same evidence: each account's practices in the organisation's review equal those of a review of
    the account on its own (its resources and its gaps), including the one whose listing was denied."""
    inv = estate()
    review = org_review(inv)
    for acct in review.accounts:
        alone = org_review(inventory_of(inv, acct.account), accounts=(acct.account,))
        assert [(q.id, q.risk, q.incomplete) for q in alone.questions] == [
            (q.id, q.risk, q.incomplete) for q in acct.questions
        ], acct.account
        statuses = {bp.id: bp.status for q in alone.questions for bp in q.best_practices}
        assert statuses == {bp.id: bp.status for q in acct.questions for bp in q.best_practices}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(order=st.permutations(range(4)), listing=st.permutations((PROD, DEV, SANDBOX, DENIED)))
def test_the_rollup_does_not_depend_on_the_order_resources_or_accounts_come_in(
    order: list[int], listing: list[str]
) -> None:
    """Collectors finish in any order and the workload lists accounts in any order: the accounts, their order and
    the organisation rollup in the document are the same."""
    names = [(PROD, "prod", "Root/Prod"), (DEV, "dev", "Root/Dev"), (SANDBOX, "sbx", "Root/Dev")]
    base = estate(names=names)
    by_account: dict[str | None, list[Any]] = {}
    for r in base:
        by_account.setdefault(r.origin.account, []).append(r)
    keys = sorted(by_account, key=str)
    shuffled = Inventory()
    for i in order:
        shuffled.extend(by_account[keys[i]])
    for k in keys[len(order) :]:
        shuffled.extend(by_account[k])
    shuffled.mark_collected(*base.collected_types)
    for gap in base.gaps:
        shuffled.add_gap(gap)
    expected = review_dict(org_review(base))
    got = review_dict(org_review(shuffled, accounts=tuple(listing)))
    assert got["accounts"] == expected["accounts"]
    assert got["organisation"] == expected["organisation"]
