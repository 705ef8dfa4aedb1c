"""A collection gap names only the rules that read what the failed call would have read.

Every ApiReader call says which resource types its data feeds (``affects=``, a required keyword); the engine
lists a gap's rules from those types. A denied detail call of the EC2 collector used to list every rule that
reads any EC2 type or the account (45).
"""

from __future__ import annotations

import ast
import importlib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from conftest import REGION
from wasp.collect import select_collectors
from wasp.collect.clients import ClientFactory
from wasp.collect.ec2 import Ec2Collector
from wasp.collect.runner import collect, plan
from wasp.engine.evaluate import evaluate
from wasp.model import ACCOUNT_TYPE, Gap, Unresolved
from wasp.model.rule import RuleContext, WorkloadScope
from wasp.rules import load_rules

ACCOUNT = "123456789012"
COLLECT = Path(__file__).parents[1] / "src" / "wasp" / "collect"


class _Denying(ClientFactory):
    """moto clients on which one operation is denied, as IAM would deny it."""

    def __init__(self, service: str, operation: str) -> None:
        super().__init__(boto3.session.Session(region_name=REGION))
        self.event = f"before-call.{service}.{operation}"

    def client(self, service: str, region: str, operation: str | None = None) -> Any:
        made = super().client(service, region, operation)
        made.meta.events.register(self.event, self._deny, unique_id="wasp-test-deny")
        return made

    @staticmethod
    def _deny(model: Any, **_: Any) -> None:
        error = {"Error": {"Code": "UnauthorizedOperation", "Message": "denied"}, "ResponseMetadata": {}}
        raise ClientError(error, model.name)


def _gap_for(operation: str, boto_operation: str) -> Gap:
    """Collect EC2 with one operation denied and evaluate every rule: the gap of that operation."""
    ec2 = boto3.client("ec2", region_name=REGION)
    ec2.create_launch_template(LaunchTemplateName="web", LaunchTemplateData={"InstanceType": "t3.micro"})
    factory = _Denying("ec2", boto_operation)
    inventory, _ = collect(plan([Ec2Collector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,))
    ctx = RuleContext(inventory=inventory, workload=WorkloadScope(regions=(REGION,)), now=datetime.now(UTC))
    evaluation = evaluate(load_rules(), inventory, ctx, observed_at=ctx.now)
    [gap] = [g for g in evaluation.gaps if g.operation == operation]
    return gap


def _readers(*types: str) -> set[str]:
    return {r.id for r in load_rules() if set(r.meta.reads_types) & set(types)}


def _every_ec2_reader() -> set[str]:
    return _readers(*Ec2Collector.resource_types)


@pytest.mark.usefixtures("aws")
def test_a_denied_ebs_default_read_names_only_the_account_rules() -> None:
    gap = _gap_for("get_ebs_encryption_by_default", "GetEbsEncryptionByDefault")
    assert gap.error == "access_denied" and gap.resource_types == (ACCOUNT_TYPE,)
    # only the rule that needed the missing setting: not the 40-odd others that read the account
    assert gap.rules == ("ebs_encryption_by_default",)
    for unrelated in ("ebs_volume_encrypted", "ec2_sg_no_world_ingress", "ec2_imdsv2_required"):
        assert unrelated not in gap.rules
    assert len(gap.rules) < len(_every_ec2_reader())


@pytest.mark.usefixtures("aws")
def test_a_denied_launch_template_read_names_only_the_launch_template_rules() -> None:
    gap = _gap_for("describe_launch_template_versions", "DescribeLaunchTemplateVersions")
    assert gap.resource_types == ("AWS::EC2::LaunchTemplate",) and gap.resource_id
    assert set(gap.rules) == _readers("AWS::EC2::LaunchTemplate")
    assert set(gap.rules) == {
        "ec2_launch_template_imdsv2",
        "ec2_launch_template_imds_hop_limit",
        "ec2_launch_template_no_public_ip",
        "launch_template_no_secrets",
    }
    assert len(_every_ec2_reader()) > 40  # what such a gap listed before every call said what it feeds


@pytest.mark.usefixtures("aws")
def test_a_denied_listing_blocks_only_its_own_type() -> None:
    gap = _gap_for("describe_volumes", "DescribeVolumes")
    assert gap.blocks_service and gap.resource_types == ("AWS::EC2::Volume",)
    expected = {"ebs_volume_encrypted", "ebs_volume_cmk", "ebs_volume_cmk_for_sensitive"}
    assert set(gap.rules) == _readers("AWS::EC2::Volume") == expected


def _calls() -> list[tuple[str, int, ast.Call]]:
    """Every api.call / api.pages / api.pages_of / api.capped_pages in src/wasp/collect."""
    out = []
    for path in sorted(COLLECT.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("call", "pages", "pages_of", "capped_pages")
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "api"
            ):
                out.append((path.stem, node.lineno, node))
    return out


def _types(node: ast.expr, module: str) -> tuple[str, ...] | None:
    """The type names of a tuple of constants and module-level names; None for any other expression."""
    if not isinstance(node, ast.Tuple):
        return None
    names = vars(importlib.import_module(f"wasp.collect.{module}"))
    out = []
    for item in node.elts:
        if isinstance(item, ast.Constant) and isinstance(item.value, str):
            out.append(item.value)
        elif isinstance(item, ast.Name) and isinstance(names.get(item.id), str):
            out.append(names[item.id])
        else:
            return None
    return tuple(out)


def test_every_call_says_which_types_it_feeds_and_they_are_its_collectors() -> None:
    calls = _calls()
    assert len(calls) > 90
    owners = {type(c).__module__.rsplit(".", 1)[-1]: c for c in select_collectors()}
    checked = 0
    for module, line, call in calls:
        affects = next((k.value for k in call.keywords if k.arg == "affects"), None)
        assert affects is not None, f"collect/{module}.py:{line}: no affects="
        value = _types(affects, module)  # a computed one (self.resource_types, a parameter) is skipped
        if value is None:
            continue
        # a collector's helper module (guardduty_findings.py) feeds its collector's types
        owner = owners.get(module) or owners[module.removesuffix("_findings")]
        assert value and set(value) <= set(owner.resource_types), f"collect/{module}.py:{line}"
        checked += 1
    assert checked > 80


@pytest.mark.usefixtures("aws")
def test_a_denied_policy_target_read_leaves_that_policy_unknown_and_blocks_no_rule() -> None:
    from wasp.collect.organizations import OrganizationsCollector

    org = boto3.client("organizations", region_name="us-east-1")
    org.create_organization(FeatureSet="ALL")
    content = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}'
    pid = org.create_policy(Name="no-leave", Description="d", Type="SERVICE_CONTROL_POLICY", Content=content)[
        "Policy"
    ]["PolicySummary"]["Id"]
    factory = _Denying("organizations", "ListTargetsForPolicy")
    inventory, _ = collect(
        plan([OrganizationsCollector()], [ACCOUNT], (REGION,)), {ACCOUNT: factory}, (REGION,)
    )
    gaps = {g.resource_id: g for g in inventory.gaps if g.operation == "list_targets_for_policy"}
    assert pid in gaps  # one gap per policy read (ours and FullAWSAccess), each about its policy only
    assert gaps[pid].resource_types == ("AWS::Organizations::Policy",)
    assert not [g for g in inventory.gaps if g.blocks_service]
    [policy] = [r for r in inventory.of_type("AWS::Organizations::Policy") if r.id == pid]
    assert isinstance(policy.properties["TargetIds"], Unresolved)
    assert inventory.of_type("AWS::Organizations::Account")  # the rest of the organisation was read
