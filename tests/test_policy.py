"""IAM policy semantics in rules/_policy*: NotAction/NotResource, wildcards, case, conditions, unknown parts.

The matcher is checked against a brute-force expansion of each pattern with fnmatch over policyuniverse's action
list (hypothesis property tests), and on the cases issue #12 names.
"""

from __future__ import annotations

import subprocess
import sys
from fnmatch import fnmatchcase
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wasp.model import Unresolved
from wasp.rules._policy import (
    allows,
    covers,
    covers_resource,
    denies,
    effectively_allows,
    grants_full_admin,
    is_limited,
    statement_actions,
)
from wasp.rules._policy_access import access_of, least_failing
from wasp.rules._policy_actions import expand, known_actions
from wasp.rules._policy_shape import MalformedPolicy


@cache
def everything() -> tuple[str, ...]:
    from policyuniverse import all_permissions

    return tuple(sorted(all_permissions))


@cache
def brute(pattern: str) -> frozenset[str]:
    """Known actions a pattern matches, by fnmatch over the whole list (no index, no regex of ours)."""
    return frozenset(a for a in everything() if fnmatchcase(a, pattern.lower()))


def doc(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


ALLOW_ALL = {"Effect": "Allow", "Action": "*", "Resource": "*"}


# --- the examples and the matcher's rules -------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "action", "expected"),
    [
        ({"Effect": "Deny", "NotAction": ["iam:*"]}, "organizations:LeaveOrganization", True),
        ({"Effect": "Deny", "NotAction": ["iam:*"]}, "iam:CreateUser", False),
        ({"Action": "iam:*"}, "IAM:CreateUser", True),
        ({"Action": "S3:get*"}, "s3:GetObject", True),
        ({"Action": "s3:Get*"}, "s3:PutObject", False),
        ({"Action": "s3:Get?bject"}, "s3:GetObject", True),
        ({"Action": "s3:Get?bject"}, "s3:GetObjectAcl", False),
        ({"Action": "*"}, "anything:AtAll", True),
        ({"Action": ["ec2:*", "s3:*"]}, "kms:Decrypt", False),
        ({"Action": "s3:[G]etObject"}, "s3:GetObject", False),  # brackets are literal in IAM, unlike fnmatch
        ({"NotAction": "s3:*"}, "kms:Decrypt", True),
        ({}, "s3:GetObject", False),
    ],
)
def test_covers(statement: dict[str, Any], action: str, expected: bool) -> None:
    assert covers(statement, action) is expected


def test_deny_notaction_denies_leaving_the_organisation() -> None:
    scp = [{"Effect": "Deny", "NotAction": ["iam:*"], "Resource": "*"}]
    assert denies(scp, "organizations:LeaveOrganization")
    assert not denies(scp, "iam:PassRole")


@pytest.mark.parametrize(
    ("statement", "resource", "expected"),
    [
        ({"Resource": "*"}, "*", True),
        ({"Resource": "arn:aws:s3:::b/*"}, "arn:aws:s3:::b/key", True),
        ({"Resource": "arn:aws:s3:::b/*"}, "arn:aws:s3:::B/key", False),  # ARNs are case-sensitive
        ({"Resource": "arn:aws:s3:::b/*"}, "*", False),
        ({"NotResource": "arn:aws:s3:::secret/*"}, "arn:aws:s3:::other/x", True),
        ({"NotResource": "arn:aws:s3:::secret/*"}, "arn:aws:s3:::secret/x", False),
        ({"NotResource": "arn:aws:s3:::secret/*"}, "*", True),  # all but a few counts as every resource
    ],
)
def test_covers_resource(statement: dict[str, Any], resource: str, expected: bool) -> None:
    assert covers_resource(statement, resource) is expected


@pytest.mark.parametrize(
    ("condition", "limited"),
    [
        ({"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}, True),
        ({"Bool": {"aws:MultiFactorAuthPresent": "true"}}, True),
        ({"StringEquals": {"aws:PrincipalOrgID": "o-1"}}, True),
        ({"StringLike": {"aws:PrincipalArn": "*"}}, False),
        ({"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["*"]}}, False),
        ({"Bool": {"aws:SecureTransport": "true"}}, False),
        ({"StringEquals": {"aws:RequestedRegion": "eu-west-2"}}, False),
        ({}, False),
    ],
)
def test_conditions_that_really_limit(condition: dict[str, Any], limited: bool) -> None:
    assert is_limited({**ALLOW_ALL, "Condition": condition}) is limited


@pytest.mark.parametrize(
    ("policy", "admin"),
    [
        (doc(ALLOW_ALL), True),
        (doc({"Effect": "Allow", "Action": "*:*", "Resource": "*"}), True),
        (doc({"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}), True),
        (doc({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}), False),
        (doc(ALLOW_ALL, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}), False),
        (doc(ALLOW_ALL, {"Effect": "Deny", "Action": "iam:*", "Resource": "arn:aws:iam::*:role/x"}), True),
        (doc({**ALLOW_ALL, "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}), False),
        (doc({**ALLOW_ALL, "Condition": {"StringLike": {"aws:PrincipalArn": "*"}}}), True),
        (doc({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::*"}), False),
        (doc({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::logs/*"}), True),
        (
            '{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}',
            True,
        ),  # JSON text, one statement
    ],
)
def test_full_admin(policy: Any, admin: bool) -> None:
    assert grants_full_admin(policy) is admin


@pytest.mark.parametrize("policy", ["not json", "42", 42, ["x"], {"Statement": "x"}, {"Version": "1"}])
def test_a_malformed_document_is_unknown_not_harmless(policy: Any) -> None:
    with pytest.raises(MalformedPolicy):
        grants_full_admin(policy)


def test_allow_notaction_on_everything_is_near_admin() -> None:
    access = access_of([("p", doc({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}))])
    assert access.near_admin and not access.full_admin
    assert access.missing_services() == ["iam"]
    assert "iam:*" not in access.broad() and "s3:*" in access.broad()


def test_denies_in_one_policy_take_from_allows_in_another() -> None:
    access = access_of(
        [("a", doc(ALLOW_ALL)), ("b", doc({"Effect": "Deny", "Action": "s3:*", "Resource": "*"}))]
    )
    assert not access.full_admin and access.near_admin and "s3:*" not in access.broad()
    assert effectively_allows([doc(ALLOW_ALL)], "s3:GetObject")
    assert not effectively_allows(
        [doc(ALLOW_ALL), doc({"Effect": "Deny", "Action": "s3:*", "Resource": "*"})], "s3:GetObject"
    )


@pytest.mark.parametrize(
    ("resource", "broad"),
    [
        ("*", ["s3:*"]),
        ("arn:aws:s3:::*", ["s3:*"]),
        ("arn:aws:s3:::*/*", ["s3:*"]),
        ("arn:aws:s3:::reports/*", []),
        ("arn:aws:s3:::reports", []),
    ],
)
def test_service_wide_means_every_resource_of_the_service(resource: str, broad: list[str]) -> None:
    assert (
        access_of([("p", doc({"Effect": "Allow", "Action": "s3:*", "Resource": resource}))]).broad() == broad
    )


def test_assume_role_on_any_role_is_broad() -> None:
    for resource in ("*", "arn:aws:iam::*:role/*"):
        statement = {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": resource}
        assert access_of([("p", doc(statement))]).broad() == ["sts:AssumeRole on *"]
    one = {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::1:role/deploy"}
    assert access_of([("p", doc(one))]).broad() == []


# --- unknown parts never pass ---------------------------------------------------------------------------------


def test_an_unknown_allow_grants_nothing_but_is_undecided() -> None:
    access = access_of([("p", doc({"Effect": "Allow", "Action": Unresolved("param"), "Resource": "*"}))])
    assert not access.full_admin and not access.broad()
    assert access.undecided == ["p: param"]


def test_an_unknown_deny_may_deny_anything_so_admin_is_not_definite() -> None:
    unknown_deny = {"Effect": "Deny", "Action": Unresolved("param"), "Resource": "*"}
    access = access_of([("p", doc(ALLOW_ALL, unknown_deny))])
    assert not access.full_admin and access.undecided
    assert least_failing(unknown_deny) == {"Effect": "Deny", "Action": "*", "Resource": "*"}
    known_resource = {"Effect": "Deny", "Action": Unresolved("x"), "Resource": "arn:aws:s3:::b"}
    assert least_failing(known_resource) == {"Effect": "Deny", "Action": "*", "Resource": "arn:aws:s3:::b"}


def test_a_definite_admin_stands_beside_unknown_parts() -> None:
    access = access_of(
        [
            ("a", doc(ALLOW_ALL)),
            ("b", Unresolved("import")),
            ("c", doc(ALLOW_ALL | {"Resource": Unresolved("r")})),
        ]
    )
    assert access.full_admin and access.via() == ["a"]
    assert len(access.undecided) == 2


# --- expansion and the property tests against brute force ---------------------------------------------------


def test_expansion_uses_policyuniverse_data() -> None:
    assert expand("*") == known_actions() and len(known_actions()) > 10_000
    assert expand("iam:*") == brute("iam:*") and "iam:createuser" in expand("IAM:Create*")
    assert expand("nosuchservice:*") == frozenset()


_ACTIONS = st.sampled_from(everything())


@st.composite
def patterns(draw: st.DrawFn) -> str:
    """A pattern derived from a known action: truncated with '*', a '?' for a letter, a wildcard service, mixed case."""
    action = draw(_ACTIONS)
    kind = draw(st.sampled_from(["exact", "prefix", "question", "service", "star", "infix"]))
    if kind == "prefix":
        action = action[: draw(st.integers(1, len(action)))] + "*"
    elif kind == "question":
        i = draw(st.integers(0, len(action) - 1))
        action = action[:i] + "?" + action[i + 1 :]
    elif kind == "service":
        action = "*:" + action.split(":", 1)[1][: draw(st.integers(0, 4))] + "*"
    elif kind == "star":
        action = "*"
    elif kind == "infix":
        service, name = action.split(":", 1)
        action = f"{service}:*{name[len(name) // 2 :]}"
    return "".join(c.upper() if draw(st.booleans()) else c for c in action)


@st.composite
def statements_(draw: st.DrawFn) -> dict[str, Any]:
    key = draw(st.sampled_from(["Action", "NotAction"]))
    return {
        "Effect": draw(st.sampled_from(["Allow", "Deny"])),
        key: draw(st.lists(patterns(), min_size=1, max_size=3)),
        "Resource": "*",
    }


def brute_set(statement: dict[str, Any]) -> frozenset[str]:
    """The known actions a statement applies to, from the brute-force expansion of each pattern."""
    key = "NotAction" if "NotAction" in statement else "Action"
    hit = frozenset().union(*(brute(p) for p in statement[key]))
    return frozenset(everything()) - hit if key == "NotAction" else hit


def brute_covers(statement: dict[str, Any], action: str) -> bool:
    return action.lower() in brute_set(statement)


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(statements_(), _ACTIONS)
def test_covers_matches_brute_force(statement: dict[str, Any], action: str) -> None:
    assert covers(statement, action) is brute_covers(statement, action)
    assert covers(statement, action.upper()) is brute_covers(statement, action)


@SETTINGS
@given(statements_())
def test_statement_actions_match_brute_force(statement: dict[str, Any]) -> None:
    assert statement_actions(statement) == brute_set(statement)


@SETTINGS
@given(st.lists(statements_(), min_size=1, max_size=4), _ACTIONS)
def test_allows_and_denies_match_brute_force(sts: list[dict[str, Any]], action: str) -> None:
    assert allows([doc(*sts)], action) is any(s["Effect"] == "Allow" and brute_covers(s, action) for s in sts)
    assert denies(sts, action) is any(s["Effect"] == "Deny" and brute_covers(s, action) for s in sts)
    granted = frozenset().union(*(brute_set(s) for s in sts if s["Effect"] == "Allow"))
    denied = frozenset().union(*(brute_set(s) for s in sts if s["Effect"] == "Deny"))
    assert access_of([("p", doc(*sts))]).everywhere == granted - denied


def test_loading_the_rules_does_not_import_policyuniverse() -> None:
    code = (
        "import sys; from wasp.rules import load_rules; load_rules(); print('policyuniverse' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
