"""Shared pieces for the data-service rules (S3, streams, analytics, ML, backups, file transfer).

``expect_all`` extends :func:`wasp.rules._expect.expect` to rules that ask several properties of one resource
(all three MWAA log types, both WorkSpaces volumes): one definite failure fails, whatever else is unknown.
``customer_key`` tests a key reference the way the CMK checks need it (``expect_key`` builds such a rule: a key
declared in the same template or configuration is customer-managed even though its ARN is known only after
deploy), and ``unknown_example`` builds the UNKNOWN example for a value known only at deploy time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from wasp.model import FindingStatus, Unresolved
from wasp.model.rule import (
    Evaluate,
    Example,
    ResourceView,
    RuleContext,
    UnresolvedRead,
    Verdict,
    contains_unresolved,
    example_resource,
    failed,
    passed,
)
from wasp.model.status import Severity
from wasp.rules._common import is_customer_managed_key
from wasp.rules._expect import judge, present
from wasp.rules._iam_refs import is_set, names_declared_resource
from wasp.rules._shape import is_text

KMS_WHY = (
    "A customer-managed KMS key puts a second, auditable permission (kms:Decrypt under your key policy) between a "
    "reader and the data, and lets you revoke access by disabling the key; the default AWS-owned or AWS-managed key "
    "gives neither."
)
"""Why the CMK rules ask for a customer-managed key (their description)."""

Check = tuple[str, Callable[[Any], bool], Any, str]
"""A property to test: (path, test, default when absent, what it is called in messages)."""


def customer_key(value: Any) -> bool:
    """A key is named and it is not an AWS-managed alias (``alias/aws/...``)."""
    return present(value) and "alias/aws/" not in str(value)


_TF_KEY = re.compile(
    r"^aws_kms_(?:key|alias|replica_key|external_key|replica_external_key)\.\S+ is known only after apply$"
)
_CFN_KEY = re.compile(r"^Fn::GetAtt (\S+)\.(?:Arn|KeyId) is known only after deployment$")


def declared_key(value: Any, ctx: RuleContext) -> bool:
    """The value refers to a KMS key (or alias) declared in the same configuration: customer-managed by definition.

    Terraform's ``aws_kms_key.x.arn`` and CloudFormation's ``!GetAtt Key.Arn`` are known only after deploy, but
    both name a key the configuration creates; a ``data.aws_kms_key`` may be AWS-managed and stays unknown.
    """
    if not isinstance(value, Unresolved):
        return False
    if _TF_KEY.match(value.reason):
        return True
    found = _CFN_KEY.match(value.reason)
    return found is not None and any(k.id == found.group(1) for k in ctx.inventory.of_type("AWS::KMS::Key"))


def references_resource(value: Any) -> bool:
    """The value is another resource's attribute known only after deploy (``aws_iam_role.logs.arn``,
    ``!GetAtt LogsRole.Arn``): it will be set, though to what is not yet known (see
    :func:`wasp.rules._iam_refs.names_declared_resource`, the one place that decides it)."""
    return names_declared_resource(value)


def _set_test(view: ResourceView, path: str, default: Any) -> bool:
    """A value is set at ``path`` (raises UnresolvedRead when that cannot be known, WrongType when it is not a
    string)."""
    return is_set(view, path) or (default is not None and present(default))


def expect_set(
    path: str,
    *,
    ok: str,
    bad: str,
    applies: Callable[[ResourceView], bool] | None = None,
    fits: Callable[[Any], bool] = is_text,
    expected: str = "a non-empty string (an id, ARN or name)",
) -> Evaluate:
    """An ``evaluate`` that passes when ``path`` is set: a literal of the type ``fits`` accepts, or a reference
    to another resource's attribute (see :func:`references_resource`); ``{value}`` in ``ok`` is the value when
    known."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if applies is not None and not applies(view):
            return None
        name = view.resource.origin.address or view.id
        if is_set(view, path, fits, expected):
            value = view.peek(path)
            shown = "a value known after deploy" if isinstance(value, Unresolved) else value
            return passed(ok.format_map({"name": name, "value": shown}))
        return failed(bad.format_map({"name": name, "value": None}))

    evaluate.__doc__ = f"Pass when {path} is set: {ok}"
    return evaluate


def _key_test(view: ResourceView, ctx: RuleContext, path: str, default: Any) -> bool:
    """A customer-managed key at ``path`` (raises UnresolvedRead when that cannot be known, WrongType when the
    key is not a string)."""
    if declared_key(view.peek(path), ctx):
        return True
    if not is_set(view, path, expected="a KMS key id, ARN or alias"):
        return customer_key(default) and is_customer_managed_key(default, ctx, view)
    value = view.get(path)
    # a live read gives the key's ARN even for an AWS-managed key: its KeyManager (when KMS was read) decides
    return customer_key(value) and is_customer_managed_key(value, ctx, view)


def expect_key(
    path: str,
    *,
    ok: str,
    bad: str,
    applies: Callable[[ResourceView], bool] | None = None,
) -> Evaluate:
    """An ``evaluate`` that passes when the key at ``path`` is customer-managed (see :func:`declared_key`)."""

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if applies is not None and not applies(view):
            return None
        name = view.resource.origin.address or view.id
        if _key_test(view, ctx, path, None):
            return passed(ok.format_map({"name": name}))
        return failed(bad.format_map({"name": name}))

    evaluate.__doc__ = f"Pass when {path} names a customer-managed KMS key: {ok}"
    return evaluate


def expect_all(
    checks: Iterable[Check],
    *,
    ok: str,
    bad: str,
    applies: Callable[[ResourceView], bool] | None = None,
    severity: Severity | None = None,
) -> Evaluate:
    """An ``evaluate`` that passes when every check passes; ``{name}`` and ``{missing}`` (the failing checks'
    names) are filled into ``bad``. A definite failure stands even when another value is unknown. A check whose
    test is :func:`customer_key` also accepts a key declared in the same configuration, and one whose test is
    :func:`present` a reference to another resource's attribute."""
    wanted = tuple(checks)

    def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
        if applies is not None and not applies(view):
            return None
        missing: list[str] = []
        unresolved: list[UnresolvedRead] = []
        for path, test, default, label in wanted:
            try:
                if test is customer_key:
                    good = _key_test(view, ctx, path, default)
                elif test is present:
                    good = _set_test(view, path, default)
                else:
                    good = judge(view, path, test, default)
            except UnresolvedRead as exc:
                unresolved.append(exc)
                continue
            if not good:
                missing.append(label)
        name = view.resource.origin.address or view.id
        if missing:
            return failed(bad.format_map({"name": name, "missing": ", ".join(missing)}), severity)
        if unresolved:
            raise unresolved[0]
        return passed(ok.format_map({"name": name}))

    evaluate.__doc__ = f"Pass when every one of {', '.join(c[3] for c in wanted)} is configured safely."
    return evaluate


def _placed(base: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of ``base`` with ``value`` at the dotted ``path`` (maps on the way are copied, not replaced)."""
    head, _, rest = path.partition(".")
    if not rest:
        return {**base, head: value}
    inner = base.get(head)
    return {**base, head: _placed(inner if isinstance(inner, Mapping) else {}, rest, value)}


def unknown_example(
    resource_type: str, path: str, base: Mapping[str, Any] | None = None, name: str = "known-after-deploy"
) -> Example:
    """An example whose value at ``path`` is known only at deploy time: the verdict must be UNKNOWN."""
    props = _placed(base or {}, path, Unresolved("known only after deploy"))
    return Example(name, example_resource(resource_type, props), FindingStatus.UNKNOWN)


def volumes_keyed(view: ResourceView, ctx: RuleContext, what: str) -> Verdict | None:
    """Every EBS entry of ``BlockDeviceMappings`` names a customer-managed key; one without fails whatever else
    is unknown (an image recipe's or an AMI's volumes). Without EBS entries the resource declares no volume of
    its own and is not in scope."""
    mappings = view.peek("BlockDeviceMappings", [])
    listed = mappings if isinstance(mappings, list) else [view.get("BlockDeviceMappings")]
    keys = [m.get("Ebs", {}).get("KmsKeyId") for m in listed if isinstance(m, dict) and m.get("Ebs")]
    if not keys:
        return None
    name = view.resource.origin.address or view.id
    pending: Unresolved | None = None
    for key in keys:
        if declared_key(key, ctx):
            continue
        later = contains_unresolved(key)
        if later is not None:
            pending = pending or later
        elif not (customer_key(key) and is_customer_managed_key(key, ctx, view)):
            return failed(f"{what} {name} has EBS volumes without a customer-managed KMS key")
    if pending is not None:
        raise UnresolvedRead("BlockDeviceMappings", pending)
    return passed("every EBS volume encrypted with a customer-managed key")
