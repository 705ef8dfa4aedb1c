"""The data rules' shared checks: keys declared in the same configuration, several properties at once."""

from __future__ import annotations

from dataclasses import replace

from wasp.model import FindingStatus, Inventory, Unresolved
from wasp.model.rule import ResourceView, RuleContext, example_resource
from wasp.rules._data_checks import declared_key, expect_all, expect_key
from wasp.rules._expect import is_true

STREAM = "AWS::Kinesis::Stream"


def _ctx(*resources: object) -> RuleContext:
    inventory = Inventory()
    for r in resources:
        inventory.add(r)  # type: ignore[arg-type]
    return RuleContext(inventory=inventory)


def test_a_terraform_key_known_after_apply_is_customer_managed() -> None:
    ctx = _ctx()
    assert declared_key(Unresolved("aws_kms_key.streams.arn is known only after apply"), ctx)
    assert declared_key(Unresolved('aws_kms_alias.keys["eu"].arn is known only after apply'), ctx)
    assert not declared_key(Unresolved("data.aws_kms_key.managed.arn is known only after apply"), ctx)
    assert not declared_key(Unresolved("aws_iam_role.x.arn is known only after apply"), ctx)
    assert not declared_key("arn:aws:kms:eu-west-2:1:key/1", ctx)


def test_a_cloudformation_getatt_counts_only_for_a_key_in_the_template() -> None:
    key = example_resource("AWS::KMS::Key", {}, "StreamKey")
    got = Unresolved("Fn::GetAtt StreamKey.Arn is known only after deployment")
    assert declared_key(got, _ctx(key))
    assert not declared_key(got, _ctx())
    assert not declared_key(Unresolved("Fn::GetAtt Other.Arn is known only after deployment"), _ctx(key))


def _status(evaluate: object, props: dict[str, object], ctx: RuleContext | None = None) -> FindingStatus:
    from wasp.model.rule import UnresolvedRead

    view = ResourceView(example_resource(STREAM, props))
    try:
        verdict = evaluate(view, ctx or _ctx())  # type: ignore[operator]
    except UnresolvedRead:
        return FindingStatus.UNKNOWN
    return verdict.status  # type: ignore[no-any-return]


def test_expect_key_passes_a_declared_key_and_leaves_other_unknowns_unknown() -> None:
    rule = expect_key("KeyId", ok="ok", bad="bad {name}")
    assert (
        _status(rule, {"KeyId": Unresolved("aws_kms_key.k.arn is known only after apply")})
        is FindingStatus.PASS
    )
    assert _status(rule, {"KeyId": Unresolved("var.key has no default")}) is FindingStatus.UNKNOWN
    assert _status(rule, {"KeyId": "alias/aws/kinesis"}) is FindingStatus.FAIL
    assert _status(rule, {}) is FindingStatus.FAIL


def test_expect_all_fails_on_one_definite_failure_whatever_else_is_unknown() -> None:
    rule = expect_all(
        (("A", is_true, False, "a"), ("B", is_true, False, "b")), ok="ok", bad="{name} lacks {missing}"
    )
    later = Unresolved("known after apply")
    assert _status(rule, {"A": True, "B": True}) is FindingStatus.PASS
    assert _status(rule, {"A": later, "B": False}) is FindingStatus.FAIL
    assert _status(rule, {"A": later, "B": True}) is FindingStatus.UNKNOWN


def test_expect_set_counts_a_reference_to_another_resource_as_set() -> None:
    from wasp.rules._data_checks import expect_set, references_resource

    assert references_resource(Unresolved("aws_iam_role.logs.arn is known only after apply"))
    assert references_resource(Unresolved("Fn::GetAtt LogsRole.Arn is known only after deployment"))
    assert not references_resource(Unresolved("var.role has no default"))
    rule = expect_set("Role", ok="set {value}", bad="unset")
    assert (
        _status(rule, {"Role": Unresolved("aws_iam_role.logs.arn is known only after apply")})
        is FindingStatus.PASS
    )
    assert _status(rule, {"Role": Unresolved("var.role has no default")}) is FindingStatus.UNKNOWN
    assert _status(rule, {"Role": ""}) is FindingStatus.FAIL
    assert _status(rule, {}) is FindingStatus.FAIL


def test_expect_key_asks_kms_whether_a_live_key_arn_is_aws_managed() -> None:
    from wasp.model import SUPPLEMENTARY

    arn = "arn:aws:kms:eu-west-2:111122223333:key/aws-backup"
    managed = example_resource("AWS::KMS::Key", {SUPPLEMENTARY: {"KeyManager": "AWS"}}, "aws-backup")
    managed = replace(managed, arn=arn)
    rule = expect_key("KeyId", ok="ok", bad="bad")
    assert _status(rule, {"KeyId": arn}, _ctx(managed)) is FindingStatus.FAIL
    assert _status(rule, {"KeyId": arn}) is FindingStatus.PASS
