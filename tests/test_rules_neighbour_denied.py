"""A denied read of a neighbour type never lets a rule pass where it could not see.

Each case runs the engine over a live inventory in which the neighbour type's listing failed (a Gap), and checks
the verdict is UNKNOWN; where the rule used to leave that type undeclared, the same rule without the declaration
is shown to PASS, which is the bug the declaration fixes. The allow-listed reads of
tests/test_rules_related_types.py are checked too: without the neighbour, they fail or are unknown, never pass.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from wasp.engine.evaluate import evaluate
from wasp.model import ACCOUNT_TYPE, FindingStatus, Gap, Inventory, Resource, Unresolved
from wasp.model.resource import SUPPLEMENTARY
from wasp.model.rule import Rule, RuleContext, WorkloadScope, example_resource
from wasp.rules import load_rules

RULES = {r.id: r for r in load_rules()}
ACCOUNT = "111122223333"
REGION = "eu-west-2"
KMS = "AWS::KMS::Key"
AWS_MANAGED = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/0000aaaa-aws-managed"


def _denied(*types: str, region: str | None = REGION) -> Gap:
    return Gap(
        service="svc",
        operation="List",
        error="access_denied",
        message="denied",
        account=ACCOUNT,
        region=region,
        resource_types=types,
    )


def _resource(rtype: str, props: dict[str, object], rid: str) -> Resource:
    res = example_resource(rtype, props, rid, REGION)
    return replace(res, origin=replace(res.origin, account=ACCOUNT))


def _status(
    rule: Rule,
    resource: Resource,
    related: tuple[Resource, ...],
    gaps: tuple[Gap, ...],
    collected: tuple[str, ...],
) -> FindingStatus | None:
    inv = Inventory()
    inv.add(resource)
    inv.extend(related)
    inv.mark_collected(rule.meta.resource_type, *rule.meta.related_types, *collected)
    for gap in gaps:
        inv.add_gap(gap)
    ctx = RuleContext(
        inventory=inv, workload=WorkloadScope(accounts=(ACCOUNT,)), now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    ev = evaluate([rule], inv, ctx, observed_at=ctx.now)
    statuses = [f.status for f in ev.findings if f.resource.id == resource.id]
    return statuses[0] if statuses else None


def _undeclared(rule: Rule, rtype: str) -> Rule:
    """The rule as it was: ``rtype`` not among its related types."""
    return replace(
        rule, meta=replace(rule.meta, related_types=tuple(t for t in rule.meta.related_types if t != rtype))
    )


CMK_CASES = [
    ("ebs_volume_cmk", "AWS::EC2::Volume", {"Encrypted": True, "KmsKeyId": AWS_MANAGED}),
    ("rds_cluster_cmk", "AWS::RDS::DBCluster", {"StorageEncrypted": True, "KmsKeyId": AWS_MANAGED}),
    ("efs_cmk", "AWS::EFS::FileSystem", {"Encrypted": True, "KmsKeyId": AWS_MANAGED}),
]


@pytest.mark.parametrize(("rule_id", "rtype", "props"), CMK_CASES, ids=[c[0] for c in CMK_CASES])
def test_cmk_rule_is_unknown_when_keys_could_not_be_listed(
    rule_id: str, rtype: str, props: dict[str, object]
) -> None:
    rule = RULES[rule_id]
    resource = _resource(rtype, props, "r-1")
    aws_key = _resource(KMS, {SUPPLEMENTARY: {"KeyManager": "AWS"}}, AWS_MANAGED.rsplit("/", 1)[1])
    aws_key = replace(aws_key, arn=AWS_MANAGED)
    # the key read: it is AWS-managed, so the rule fails
    assert _status(rule, resource, (aws_key,), (), ()) is FindingStatus.FAIL
    # the key listing denied: the same resource is not known to use a customer-managed key
    denied = (_denied(KMS),)
    assert _status(rule, resource, (), denied, ()) is FindingStatus.UNKNOWN
    assert _status(_undeclared(rule, KMS), resource, (), denied, ()) is FindingStatus.PASS  # the old bug
    # a failed read in another region leaves this region's verdicts standing
    assert _status(rule, resource, (aws_key,), (_denied(KMS, region="us-east-1"),), ()) is FindingStatus.FAIL


def test_cmk_rule_is_unknown_live_when_keys_were_never_collected() -> None:
    rule = RULES["ebs_volume_cmk"]
    resource = _resource("AWS::EC2::Volume", {"Encrypted": True, "KmsKeyId": AWS_MANAGED}, "vol-1")
    inv = Inventory()
    inv.add(resource)
    inv.mark_collected("AWS::EC2::Volume")  # the KMS collector did not run
    ctx = RuleContext(inventory=inv, now=datetime(2026, 1, 1, tzinfo=UTC))
    ev = evaluate([rule], inv, ctx, observed_at=ctx.now)
    assert [f.status for f in ev.findings] == [FindingStatus.UNKNOWN]


def test_image_pipeline_rule_is_unknown_when_instances_could_not_be_listed() -> None:
    rule = RULES["imagebuilder_pipeline_present"]
    account = _resource(ACCOUNT_TYPE, {}, ACCOUNT)
    # no instance seen and none could be listed: it used to be "not applicable" (no finding at all)
    denied = (_denied("AWS::EC2::Instance"),)
    assert _status(rule, account, (), denied, ()) is FindingStatus.UNKNOWN
    # instances truly absent: the rule does not apply
    assert _status(rule, account, (), (), ()) is None
    # an instance seen and no pipeline: fails
    assert _status(rule, account, (_resource("AWS::EC2::Instance", {}, "i-1"),), (), ()) is FindingStatus.FAIL


def test_key_policy_rule_without_the_organisation_never_passes_an_outside_account() -> None:
    """Allow-listed: the organisation's accounts only widen the trusted set."""
    rule = RULES["kms_key_policy_not_public"]
    member = "444455556666"
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{member}:root"},
                "Action": "kms:*",
                "Resource": "*",
            }
        ],
    }
    key = _resource(KMS, {"KeyPolicy": policy}, "k-1")
    org_member = _resource("AWS::Organizations::Account", {"AccountId": member}, member)
    org = "AWS::Organizations::Account"
    assert _status(rule, key, (org_member,), (), (org,)) is FindingStatus.PASS
    # unreadable, the member counts as outside the workload: a stricter verdict, never a pass
    assert _status(rule, key, (), (_denied(org, region=None),), (org,)) is FindingStatus.FAIL


def test_instance_rule_without_its_subnet_is_unknown() -> None:
    """Allow-listed: a subnet the rule cannot find leaves the verdict unknown (a template's instance)."""
    rule = RULES["ec2_instance_no_public_ip"]
    instance = _resource("AWS::EC2::Instance", {"SubnetId": "subnet-1"}, "i-1")
    subnet = _resource("AWS::EC2::Subnet", {"MapPublicIpOnLaunch": False}, "subnet-1")
    assert _status(rule, instance, (subnet,), (), ()) is FindingStatus.PASS
    denied = (_denied("AWS::EC2::Subnet"),)
    assert _status(rule, instance, (), denied, ("AWS::EC2::Subnet",)) is FindingStatus.UNKNOWN


def test_cmk_rule_is_unknown_when_the_key_is_listed_but_not_described() -> None:
    """describe_key denied: the collector keeps the key with every detail unknown; the verdict names that read."""
    rule = RULES["ebs_volume_cmk"]
    resource = _resource("AWS::EC2::Volume", {"Encrypted": True, "KmsKeyId": AWS_MANAGED}, "vol-1")
    failed = Unresolved("kms:DescribeKey access_denied")
    key = replace(_resource(KMS, {SUPPLEMENTARY: failed}, "0000aaaa-aws-managed"), arn=AWS_MANAGED)
    gap = replace(_denied(KMS), service="kms", operation="DescribeKey", resource_id=key.id)
    inv = Inventory()
    inv.extend((resource, key))
    inv.mark_collected("AWS::EC2::Volume", KMS)
    inv.add_gap(gap)
    ctx = RuleContext(inventory=inv, now=datetime(2026, 1, 1, tzinfo=UTC))
    ev = evaluate([rule], inv, ctx, observed_at=ctx.now)
    (finding,) = ev.findings
    assert finding.status is FindingStatus.UNKNOWN
    assert "KeyManager" in finding.message and "rule error" not in finding.message
    assert any(rule.id in g.rules for g in ev.gaps if g.resource_id == key.id)
