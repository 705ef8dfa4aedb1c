"""Meta-test: a rule that reads a neighbour type declares it (RuleMeta.related_types).

The engine turns a verdict UNKNOWN when a declared related type could not be read (a gap, or never collected
live); it knows only the types a rule declares. A rule that queries an undeclared type could PASS where a denied
read hid the evidence. Every rule's examples are run against an inventory that records each type queried.
"""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from wasp.engine.evaluate import evaluate_resource
from wasp.model import Gap, Inventory, Resource
from wasp.model.rule import Example, Rule, RuleContext
from wasp.rules import load_rules

RULES = load_rules()

_ORG_ACCOUNTS = (
    "AWS::Organizations::Account",
    "the organisation's accounts only widen the trusted set: unreadable, an org member counts as outside "
    "(fail or unknown), never pass",
)
_EXPOSURE = (
    "ami_launch_permission_limited",
    "ecr_repository_policy_not_public",
    "glacier_vault_policy_not_public",
    "iam_role_trust_restricted",
    "kms_key_policy_not_public",
    "lambda_policy_not_public",
    "s3_bucket_policy_not_public",
    "secret_policy_not_public",
    "sns_topic_policy_not_public",
    "sqs_queue_policy_not_public",
)
_NOT_FOUND = (
    "a {} it cannot find makes the verdict unknown itself; live reads what it needs from the resource"
)

ALLOWED: dict[tuple[str, str], str] = {
    **{(rule, _ORG_ACCOUNTS[0]): _ORG_ACCOUNTS[1] for rule in _EXPOSURE},
    ("ec2_instance_no_public_ip", "AWS::EC2::Subnet"): _NOT_FOUND.format("subnet"),
    ("opensearch_not_default_security_group", "AWS::EC2::SecurityGroup"): _NOT_FOUND.format("group"),
    ("elasticsearch_not_default_security_group", "AWS::EC2::SecurityGroup"): _NOT_FOUND.format("group"),
    ("rds_tls_enforced", "AWS::RDS::DBParameterGroup"): _NOT_FOUND.format("parameter group"),
    ("rds_postgres_statement_logging", "AWS::RDS::DBParameterGroup"): _NOT_FOUND.format("parameter group"),
    ("rds_cluster_postgres_statement_logging", "AWS::RDS::DBClusterParameterGroup"): _NOT_FOUND.format(
        "parameter group"
    ),
    ("cloudtrail_organization_trail", "WASP::Organizations::ServiceConfiguration"): (
        "a member account passes only on a trail it sees; none seen is unknown"
    ),
    ("org_security_delegated_admins", "WASP::Organizations::ServiceConfiguration"): (
        "a member account passes only on configurations it proves it administers; otherwise unknown"
    ),
    ("org_config_aggregator", "AWS::Organizations::Organization"): (
        "no organisation read means delegated administrators unknown: the verdict is unknown"
    ),
    ("org_guardduty_auto_enable", "AWS::Organizations::Organization"): (
        "delegated administrators are used only to fail more precisely; unknown ones never pass"
    ),
    **{
        (
            "inspector_vulnerabilities_patched",
            t,
        ): "a collected resource's findings are judged on it instead: an "
        "unread type leaves more findings to judge here (stricter), never fewer"
        for t in ("AWS::EC2::Instance", "AWS::ECR::Repository", "AWS::Lambda::Function")
    },
}
"""(rule id, queried type) -> why reading it undeclared cannot let the rule pass where it could not see."""


class RecordingInventory:
    """An inventory that remembers every type a rule asked for."""

    def __init__(self, inner: Inventory) -> None:
        self.inner = inner
        self.queried: set[str] = set()

    def of_type(self, resource_type: str) -> list[Resource]:
        """All resources of a type (recorded)."""
        self.queried.add(resource_type)
        return self.inner.of_type(resource_type)

    def find(self, resource_type: str, **properties: Any) -> list[Resource]:
        """Resources of a type with matching properties (recorded)."""
        self.queried.add(resource_type)
        return self.inner.find(resource_type, **properties)

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """The inner inventory's gaps."""
        return self.inner.gaps


def queried_types(rule: Rule, example: Example) -> set[str]:
    """The types a rule asks the inventory for while judging one of its examples."""
    inv = Inventory()
    inv.add(example.resource)
    inv.extend(example.related)
    recorder = RecordingInventory(inv)
    ctx = RuleContext(inventory=recorder, workload=example.workload, now=example.now)
    evaluate_resource(rule, example.resource, ctx, "2026-01-01T00:00:00+00:00")
    return recorder.queried


def test_the_recorder_sees_queries() -> None:
    """The check below is not vacuous: a rule known to read neighbours is seen reading them."""
    rule = next(r for r in RULES if r.id == "ebs_volume_cmk")
    assert any("AWS::KMS::Key" in queried_types(rule, e) for e in rule.examples)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_queried_types_are_declared(rule: Rule) -> None:
    declared = set(rule.meta.reads_types)
    undeclared: set[str] = set()
    for example in rule.examples:
        undeclared |= queried_types(rule, example) - declared
    undeclared = {t for t in undeclared if (rule.id, t) not in ALLOWED}
    assert not undeclared, (
        f"{rule.id} reads {sorted(undeclared)} without declaring them in related_types: a denied read of them "
        "cannot make its verdict unknown (declare them, or allow-list with the reason it cannot pass unseen)"
    )


def test_allow_list_entries_are_still_needed() -> None:
    """An allow-listed pair whose rule now declares the type, or no longer reads it, is stale."""
    by_id = {r.id: r for r in RULES}
    stale = []
    for rule_id, rtype in ALLOWED:
        rule = by_id[rule_id]
        reads = set().union(*(queried_types(rule, e) for e in rule.examples))
        if rtype in rule.meta.reads_types or rtype not in reads:
            stale.append((rule_id, rtype))
    assert not stale


def unqueried_related() -> list[tuple[str, str]]:
    """Declared related types that no example of the rule queries (suspicious: reported, not failed)."""
    out = []
    for rule in RULES:
        reads = set().union(*(queried_types(rule, e) for e in rule.examples))
        out.extend((rule.id, t) for t in rule.meta.related_types if t not in reads)
    return out


def test_report_declared_but_unqueried_related_types() -> None:
    """Report (never fail) as warnings: a declared type no example reads may be stale, or its examples miss the
    case that reads it."""
    for rule_id, rtype in unqueried_related():
        warnings.warn(f"{rule_id} declares {rtype} but no example reads it", UserWarning, stacklevel=1)
