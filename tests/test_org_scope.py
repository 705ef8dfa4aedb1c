"""Choosing an organisation review's accounts: OU, account and tag selectors, excludes win, ACTIVE only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wasp.errors import AwsSetupError
from wasp.model import Workload
from wasp.model.org import OrgScope
from wasp.org.scope import OrgAccount, select

ROOT = ("r-abcd", "Root")
PROD = ("ou-abcd-prod0001", "prod")
PAY = ("ou-abcd-pay00001", "payments")
DEV = ("ou-abcd-dev00001", "dev")

ACCOUNTS = [
    OrgAccount("111111111111", "mgmt", "ACTIVE", (ROOT,)),
    OrgAccount("222222222222", "prod-a", "ACTIVE", (ROOT, PROD), (("environment", "production"),)),
    OrgAccount("333333333333", "pay", "ACTIVE", (ROOT, PROD, PAY), (("environment", "production"),)),
    OrgAccount("444444444444", "dev-a", "ACTIVE", (ROOT, DEV), (("environment", "development"),)),
    OrgAccount("555555555555", "gone", "SUSPENDED", (ROOT, PROD)),
]


def ids(scope: OrgScope) -> list[str]:
    return [a.id for a in select(ACCOUNTS, scope)]


def test_everything_active_by_default_and_suspended_never() -> None:
    assert ids(OrgScope()) == ["111111111111", "222222222222", "333333333333", "444444444444"]
    assert "555555555555" not in ids(OrgScope(include_accounts=("555555555555",)))


def test_an_ou_by_id_name_or_path_includes_its_sub_ous() -> None:
    for ou in ("ou-abcd-prod0001", "prod", "Root/prod"):
        assert ids(OrgScope(include_ous=(ou,))) == ["222222222222", "333333333333"]
    assert ids(OrgScope(include_ous=("Root/prod/payments",))) == ["333333333333"]
    assert ids(OrgScope(include_ous=("Root/pro",))) == [], (
        "a path prefix that is not a whole OU selects nothing"
    )


def test_included_accounts_add_to_included_ous_and_excludes_win() -> None:
    scope = OrgScope(include_ous=("dev",), include_accounts=("111111111111",))
    assert ids(scope) == ["111111111111", "444444444444"]
    assert ids(OrgScope(include_ous=("prod",), exclude_ous=("payments",))) == ["222222222222"]
    assert ids(OrgScope(exclude_accounts=("111111111111",), include_accounts=("111111111111",))) == []


def test_account_tags_must_all_match() -> None:
    assert ids(OrgScope(account_tags=(("environment", "production"),))) == ["222222222222", "333333333333"]
    both = OrgScope(account_tags=(("environment", "production"), ("team", "x")))
    assert ids(both) == []


@given(
    st.sets(st.sampled_from([a.id for a in ACCOUNTS])), st.sets(st.sampled_from(["prod", "dev", "payments"]))
)
def test_excluding_never_adds_and_selection_is_sorted_and_active(
    excl_accounts: set[str], excl_ous: set[str]
) -> None:
    base = ids(OrgScope())
    narrowed = ids(OrgScope(exclude_accounts=tuple(excl_accounts), exclude_ous=tuple(excl_ous)))
    assert set(narrowed) <= set(base) and narrowed == sorted(narrowed)
    assert not set(narrowed) & excl_accounts


def test_outside_an_organisation_is_one_clear_line(aws: None) -> None:
    from wasp.workflow import collect_live

    workload = Workload(name="org", regions=("us-east-1",), role_name="WaspReadOnly", org=True)
    with pytest.raises(AwsSetupError, match="not in an AWS organisation: drop --org"):
        collect_live(workload, collectors=["s3"])
