"""The per-document least-privilege reading (rules/_iam_document.py) and declared-resource values (_iam_refs)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wasp.model import Unresolved
from wasp.rules._iam_document import PRIVILEGE_ESCALATION, access_level, document_problems
from wasp.rules._iam_refs import names_declared_resource, never_wildcard
from wasp.rules._policy_actions import known_actions

ACTIONS = sorted(known_actions())


def _kinds(*statements: dict[str, object]) -> set[str]:
    return {p.kind for p in document_problems("p", {"Statement": list(statements)}).problems}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ACTIONS))
def test_no_action_is_a_problem_on_one_named_resource(action: str) -> None:
    assert _kinds({"Effect": "Allow", "Action": action, "Resource": "arn:aws:s3:::reports/*"}) == set()


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(ACTIONS))
def test_permissions_and_write_levels_on_every_resource_are_problems(action: str) -> None:
    kinds = _kinds({"Effect": "Allow", "Action": action, "Resource": "*"})
    if access_level(action) == "Permissions":
        assert "permissions management" in kinds
    if access_level(action) in ("List", "Read", "Tagging"):
        assert "unconstrained write" not in kinds and "permissions management" not in kinds


def test_every_escalation_method_fails_and_passing_a_role_is_needed_where_it_is_part() -> None:
    for method, actions in PRIVILEGE_ESCALATION.items():
        kinds = _kinds({"Effect": "Allow", "Action": list(actions), "Resource": "*"})
        assert "privilege escalation" in kinds, method
        if actions[0] == "iam:PassRole":
            rest = _kinds({"Effect": "Allow", "Action": list(actions[1:]), "Resource": "*"})
            assert "privilege escalation" not in rest, method


def test_a_deny_takes_an_escalation_away() -> None:
    allow = {"Effect": "Allow", "Action": ["iam:PassRole", "ec2:RunInstances"], "Resource": "*"}
    assert "privilege escalation" in _kinds(allow)
    assert "privilege escalation" not in _kinds(
        allow, {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}
    )


def test_a_wildcard_action_fails_whatever_else_is_unknown() -> None:
    found = document_problems(
        "p", {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": Unresolved("x")}]}
    )
    assert [p.kind for p in found.problems] == ["wildcard action"]
    assert found.undecided


def test_which_unknown_values_name_a_declared_resource() -> None:
    assert names_declared_resource(Unresolved("Fn::GetAtt Key.Arn is known only after deployment"))
    assert names_declared_resource(Unresolved("aws_kms_key.k.arn is known only after apply"))
    assert names_declared_resource(Unresolved('aws_kms_key.k["a"].arn is known only after apply'))
    assert not names_declared_resource(Unresolved("parameter KeyArn has no default and no value was given"))
    assert not names_declared_resource(Unresolved("var.key is not defined"))
    assert never_wildcard(Unresolved("Fn::Sub uses AWS::Region, AWS::AccountId"))
    assert never_wildcard(Unresolved("Fn::Sub uses Bucket.Arn"))
    assert not never_wildcard(Unresolved("Fn::Sub uses ResourceParam"))
